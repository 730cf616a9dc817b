//! The command line: `onus scan`, `rules`, `explain`, `matrix`, `init`, `test`, `baseline` and `lsp`.
//! Parses arguments, runs the library, prints, and returns the exit status (0 clean, 1 findings
//! or unreadable input, 2 usage or configuration error).

use crate::config::{parse_threshold, Threshold};
use crate::eval::CliVar;
use crate::report::{self, Format, RenderOptions};
use crate::scan::{self, ScanOptions};
use crate::taxonomy::Severity;
use clap::{Args, Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "onus",
    version,
    about = "Static analysis of Terraform for the customer's side of cloud shared responsibility"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scan Terraform files, directories and plan JSON for misconfigurations.
    Scan(ScanArgs),
    /// Scan like `scan`, reporting only exposure paths: an internet entry, the identity the
    /// workload runs as and what it may reach, drawn hop by hop.
    Paths(ScanArgs),
    /// List every rule: id, severity, area, title.
    Rules(RulesArgs),
    /// Show a rule's documentation and examples, or a resource type's service, service model and
    /// the layers the customer owns.
    Explain(ExplainArgs),
    /// Show the responsibility matrix: service model × customer area, and per resource which
    /// of your layers the scan checked and found wanting.
    Matrix(MatrixArgs),
    /// Write a commented starting configuration file, .onus.hcl.
    Init(InitArgs),
    /// Run the good and bad examples of rule files: each bad example must produce findings at
    /// exactly the lines it pins, each good example none.
    Test(TestArgs),
    /// Record the current findings so later scans report only new ones.
    #[command(subcommand)]
    Baseline(BaselineCommand),
    /// Run a language server on standard input and output: findings, hovers and fixes in the
    /// editor (docs/editors.md).
    Lsp(LspArgs),
}

#[derive(Args, Debug)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted because editors pass it).
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Args, Debug)]
pub struct MatrixArgs {
    /// Files or directories to scan (default: the current directory).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "human")]
    pub format: MatrixFormat,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// What to read besides the paths: shared by `scan`, `matrix` and `baseline write`.
#[derive(Args, Debug, Default, Clone)]
pub struct InputArgs {
    /// Skip paths matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Read variable values from this file, as `terraform plan -var-file` does (repeatable).
    #[arg(long, value_name = "FILE")]
    pub var_file: Vec<PathBuf>,
    /// Set a variable, as `terraform plan -var` does (repeatable; later wins).
    #[arg(long, value_name = "NAME=VALUE")]
    pub var: Vec<CliVar>,
    /// Add the rules (and `catalog/*.tsv`) in this directory (repeatable).
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Run only the rules of `--rules` directories, not the built-in ones.
    #[arg(long, requires = "rules")]
    pub no_builtin_rules: bool,
    /// Follow symbolic links to directories while walking.
    #[arg(long)]
    pub follow_symlinks: bool,
}

impl InputArgs {
    /// Scan options for `paths` with these inputs and `TF_VAR_*` from the environment.
    fn scan_options(self, paths: Vec<PathBuf>) -> ScanOptions {
        ScanOptions {
            paths,
            exclude: self.exclude,
            follow_symlinks: self.follow_symlinks,
            var_files: self.var_file,
            vars: self.var,
            env_vars: std::env::vars()
                .filter_map(|(k, v)| k.strip_prefix("TF_VAR_").map(|n| (n.to_string(), v)))
                .collect(),
            rule_dirs: self.rules,
            no_builtin_rules: self.no_builtin_rules,
            ..ScanOptions::default()
        }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum MatrixFormat {
    Human,
    Markdown,
    Json,
}

/// `--group-by`'s values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum GroupByArg {
    Severity,
    Rule,
    File,
}

impl From<GroupByArg> for report::GroupBy {
    fn from(g: GroupByArg) -> Self {
        match g {
            GroupByArg::Severity => report::GroupBy::Severity,
            GroupByArg::Rule => report::GroupBy::Rule,
            GroupByArg::File => report::GroupBy::File,
        }
    }
}

/// `--format`'s values: the report formats as the command line offers them (the report module
/// does not depend on the argument parser).
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    /// For people at a terminal: source excerpts, values, services, fixes.
    Human,
    /// One line per finding: `path:line:col: severity rule-id message`.
    Compact,
    /// The JSON report, schema version 1 (docs/json-schema.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// JUnit XML: one test case per rule and resource evaluated.
    Junit,
    /// GitHub Actions workflow commands (`::error file=…::…`), shown as annotations.
    Github,
    /// Markdown summary and findings table, fit for `$GITHUB_STEP_SUMMARY` or a PR comment.
    Markdown,
    /// Checkstyle XML, read by many CI and review tools.
    Checkstyle,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Compact => Format::Compact,
            FormatArg::Json => Format::Json,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Junit => Format::Junit,
            FormatArg::Github => Format::Github,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Checkstyle => Format::Checkstyle,
        }
    }
}

#[derive(Args, Debug)]
pub struct ScanArgs {
    /// Files or directories to scan (default: the current directory).
    pub paths: Vec<PathBuf>,
    /// Output format (default: human on a terminal, compact otherwise).
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<FormatArg>,
    /// Also write the report in FORMAT to PATH (repeatable), e.g. `--output sarif=onus.sarif`;
    /// the main format still goes to standard output.
    #[arg(long, value_name = "FORMAT=PATH", value_parser = parse_output)]
    pub output: Vec<(Format, PathBuf)>,
    /// Scan the module each file argument belongs to (its whole directory) instead of the
    /// file alone, as the pre-commit hook does with the changed files.
    #[arg(long)]
    pub module_of_files: bool,
    /// Exit with status 1 when a finding is at or above this severity (`never` to always exit 0 on findings) [default: low].
    #[arg(long, value_parser = parse_threshold)]
    pub fail_on: Option<Threshold>,
    /// Exit with status 0 whatever the findings: the same as `--fail-on never` (Checkov's name).
    /// Unreadable inputs and usage errors still fail.
    #[arg(long, conflicts_with = "fail_on")]
    pub soft_fail: bool,
    #[command(flatten)]
    pub input: InputArgs,
    /// Terraform source of the plan JSON scanned: plan findings point at its `.tf` files
    /// (the plan's own directory is used when it holds the source; repeatable).
    #[arg(long, value_name = "DIR")]
    pub source: Vec<PathBuf>,
    /// List suppressed findings too.
    #[arg(long)]
    pub show_suppressed: bool,
    /// Also list the checks that could not be decided, and why (after the findings; the JSON
    /// report always carries them).
    #[arg(long)]
    pub show_undecided: bool,
    /// Never colour output (colour also stays off when NO_COLOR is set or output is not a
    /// terminal, unless CLICOLOR_FORCE or FORCE_COLOR is set).
    #[arg(long)]
    pub no_color: bool,
    /// How the human report groups findings: by severity (most severe first), rule or file.
    #[arg(long, value_enum, default_value = "severity")]
    pub group_by: GroupByArg,
    /// Skip the exposure-path search: single-resource findings only.
    #[arg(long)]
    pub no_paths: bool,
    #[command(flatten)]
    pub living: LivingArgs,
}

/// Configuration file and rule selection, shared by `scan` and `baseline write`.
#[derive(Args, Debug, Default, Clone)]
pub struct ConfigArgs {
    /// Read this configuration file instead of looking for .onus.hcl.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Read no configuration file.
    #[arg(long)]
    pub no_config: bool,
    /// Run only the rules matching this id, alias or glob (repeatable; replaces `rules.enable`).
    #[arg(long = "rule", value_name = "ID")]
    pub rule: Vec<String>,
    /// Do not run the rules matching this id, alias or glob (repeatable; replaces `rules.disable`).
    #[arg(long = "skip-rule", value_name = "ID")]
    pub skip_rule: Vec<String>,
    /// Run only the rules of this provider: aws, azure, google (repeatable).
    #[arg(long, value_name = "NAME")]
    pub provider: Vec<String>,
    /// Run only the rules of this area (repeatable).
    #[arg(long, value_name = "AREA", value_parser = parse_area)]
    pub area: Vec<crate::taxonomy::Area>,
    /// Run only the rules of at least this severity.
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub min_severity: Option<Severity>,
    /// Run only the rules mapped to controls of this compliance framework, e.g.
    /// `cis-aws-1.4` (repeatable; `onus rules` lists each rule's controls).
    #[arg(long, value_name = "FRAMEWORK")]
    pub compliance: Vec<String>,
}

/// Options of `scan` about suppressions.
#[derive(Args, Debug, Default, Clone)]
pub struct LivingArgs {
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Suppress the findings recorded in this baseline file (see `onus baseline write`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Report ignore comments that suppress nothing.
    #[arg(long)]
    pub report_unused_ignores: bool,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Directory to write .onus.hcl in (default: the current directory).
    pub dir: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum BaselineCommand {
    /// Scan and write every unsuppressed finding to a baseline file.
    Write(BaselineWriteArgs),
}

#[derive(Args, Debug)]
pub struct BaselineWriteArgs {
    /// Files or directories to scan (default: the current directory).
    pub paths: Vec<PathBuf>,
    /// The baseline file to write.
    #[arg(
        long,
        short = 'o',
        value_name = "FILE",
        default_value = ".onus-baseline.json"
    )]
    pub output: PathBuf,
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// List the built-in predicates rule conditions can call, instead of the rules.
    #[arg(long)]
    pub builtins: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "human")]
    pub format: ListFormat,
    /// Also add the rules in this directory (repeatable).
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// List only the rules of `--rules` directories, not the built-in ones.
    #[arg(long, requires = "rules")]
    pub no_builtin_rules: bool,
}

#[derive(Args, Debug)]
pub struct TestArgs {
    /// Rule files or directories of rule files to test (default: the built-in rules).
    pub paths: Vec<PathBuf>,
    /// Also list the examples that behave.
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// A rule id (or a peer's alias such as CKV_AWS_19).
    pub id: String,
    /// Also add the rules in this directory (repeatable).
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

fn parse_area(s: &str) -> Result<crate::taxonomy::Area, String> {
    s.parse()
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

fn parse_output(s: &str) -> Result<(Format, PathBuf), String> {
    let (format, path) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}`: expected FORMAT=PATH, e.g. sarif=onus.sarif"))?;
    if path.is_empty() {
        return Err(format!("`{s}`: the path is empty"));
    }
    Ok((format.parse()?, PathBuf::from(path)))
}

/// `--module-of-files`: each file becomes its directory (a directory stays as it is), with
/// duplicates removed in first-seen order.
pub fn modules_of(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    for p in paths {
        let dir = if p.is_dir() {
            p.clone()
        } else {
            match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            }
        };
        if !out.contains(&dir) {
            out.push(dir);
        }
    }
    out
}

/// In GitHub Actions, the prefix that links a repository path at the commit being checked.
fn github_link_base() -> Option<String> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let server = var("GITHUB_SERVER_URL")?;
    let repo = var("GITHUB_REPOSITORY")?;
    let sha = var("GITHUB_SHA")?;
    Some(format!(
        "{}/{repo}/blob/{sha}/",
        server.trim_end_matches('/')
    ))
}

/// Runs the command line; returns the process exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Scan(a) => run_scan(a, false),
        Command::Paths(a) => run_scan(a, true),
        Command::Rules(a) => run_rules(a),
        Command::Explain(a) => run_explain(a),
        Command::Matrix(a) => run_matrix(a),
        Command::Init(a) => run_init(a),
        Command::Test(a) => run_test(a),
        Command::Baseline(BaselineCommand::Write(a)) => run_baseline_write(a),
        Command::Lsp(_) => crate::lsp::run_stdio(),
    }
}

fn color_allowed(no_color: bool) -> bool {
    let env = |name: &str| std::env::var(name).ok();
    color_choice(no_color, env, std::io::stdout().is_terminal())
}

/// Whether to colour: `--no-color` wins; then CLICOLOR_FORCE or FORCE_COLOR (set, not empty,
/// not `0`) force colour, for pagers such as `less -R`; then NO_COLOR (set, not empty) turns it
/// off; otherwise colour when stdout is a terminal.
pub fn color_choice(
    no_color_flag: bool,
    env: impl Fn(&str) -> Option<String>,
    stdout_is_terminal: bool,
) -> bool {
    let set = |name: &str| env(name).is_some_and(|v| !v.is_empty() && v != "0");
    if no_color_flag {
        return false;
    }
    if set("CLICOLOR_FORCE") || set("FORCE_COLOR") {
        return true;
    }
    if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    stdout_is_terminal
}

/// The human report's width: the terminal's (stdout, through `terminal_size`), else the
/// `COLUMNS` variable, else 100; kept between 40 and 400 columns.
fn report_width() -> usize {
    let env = std::env::var("COLUMNS").ok();
    width_choice(
        terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| w.0 as usize),
        env.as_deref(),
    )
}

pub fn width_choice(terminal: Option<usize>, columns: Option<&str>) -> usize {
    terminal
        .filter(|w| *w > 0)
        .or_else(|| columns.and_then(|c| c.trim().parse().ok()))
        .unwrap_or(100)
        .clamp(40, 400)
}

fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}

fn config_error(e: &scan::ConfigError) -> i32 {
    eprintln!("onus: configuration error:\n{e}");
    2
}

/// A path given on the command line that does not exist is a usage error (status 2), not an
/// unreadable input: nothing of what the user meant was scanned.
fn missing_path(paths: &[PathBuf]) -> Option<i32> {
    for p in paths {
        if let Err(e) = std::fs::symlink_metadata(p) {
            if e.kind() == std::io::ErrorKind::NotFound {
                eprintln!(
                    "onus: {}: no such file or directory",
                    crate::source::display_file_path(p)
                );
                return Some(2);
            }
        }
    }
    None
}

/// Exit status when the paths and excludes left no configuration or plan to scan.
pub const NOTHING_SCANNED: i32 = 3;

/// Says on stderr that nothing was scanned, so an empty selection never passes for a clean scan.
fn report_nothing_scanned(paths: &[PathBuf]) {
    let shown: Vec<String> = if paths.is_empty() {
        vec![".".to_string()]
    } else {
        paths
            .iter()
            .map(|p| crate::source::display_file_path(p))
            .collect()
    };
    eprintln!(
        "onus: nothing to scan: no Terraform configuration (.tf, .tf.json) or plan under {} \
         after excludes (exit status {NOTHING_SCANNED})",
        shown.join(", ")
    );
}

/// `scan`, or with `paths_only` the `paths` command: the same scan, keeping only path findings
/// and the path evaluations that could not be decided.
fn run_scan(a: ScanArgs, paths_only: bool) -> i32 {
    // With `--module-of-files` a hook may pass files just deleted: their directory is what is
    // scanned, so only other scans refuse a path that does not exist.
    if !a.module_of_files {
        if let Some(status) = missing_path(&a.paths) {
            return status;
        }
    }
    let paths = if a.module_of_files {
        modules_of(&a.paths)
    } else {
        a.paths
    };
    let given = paths.clone();
    let opts = ScanOptions {
        source_dirs: a.source,
        no_paths: a.no_paths && !paths_only,
        ..a.input.scan_options(paths)
    };
    // Settings from .onus.hcl, under the command line's.
    let (opts, config) = match with_config(opts, &a.living.config) {
        Ok(x) => x,
        Err(e) => return config_error(&e),
    };
    let mut opts = opts;
    opts.suppress.report_unused_ignores |= a.living.report_unused_ignores;
    if a.living.baseline.is_some() {
        opts.suppress.baseline = a.living.baseline.clone();
    }
    let fail_on = a
        .soft_fail
        .then_some(Threshold::Never)
        .or(a.fail_on)
        .or(config.fail_on)
        .unwrap_or(Threshold::At(Severity::Low));
    let format = a.format.map(Format::from).or(config.format).unwrap_or(
        if std::io::stdout().is_terminal() {
            Format::Human
        } else {
            Format::Compact
        },
    );
    // Progress only for people: never with a machine format or when stderr is not a terminal.
    opts.progress = format == Format::Human && std::io::stderr().is_terminal();
    let mut result = match scan::scan(&opts) {
        Ok(r) => r,
        Err(e) => return config_error(&e),
    };
    if paths_only {
        result.findings.retain(|f| f.path.is_some());
        let path_rules = std::mem::take(&mut result.path_rules);
        result
            .undecided
            .retain(|u| path_rules.iter().any(|r| r.id == u.rule_id));
        result.path_rules = path_rules;
    }
    let render = RenderOptions {
        color: color_allowed(a.no_color),
        width: report_width(),
        group_by: a.group_by.into(),
        show_suppressed: a.show_suppressed,
        link_base: github_link_base(),
    };
    let files = RenderOptions {
        color: false,
        ..render.clone()
    };
    for (format, path) in &a.output {
        let written = std::fs::File::create(path).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            report::write(*format, &result, &files, &mut w)?;
            w.flush()
        });
        if let Err(e) = written {
            eprintln!(
                "onus: cannot write {} report to {}: {e}",
                format.name(),
                path.display()
            );
            return 2;
        }
    }
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        // A closed pipe (`onus scan | head`) is not an error of the scan.
        let _ = report::write(format, &result, &render, &mut out)
            .and_then(|()| {
                if a.show_undecided && !matches!(format, Format::Json | Format::Sarif) {
                    out.write_all(report::compact::render_undecided(&result).as_bytes())?;
                }
                Ok(())
            })
            .and_then(|()| out.flush());
    }
    if format == Format::Compact {
        // On stderr, so stdout stays one line per finding for pipes and editors.
        eprintln!(
            "onus: {}",
            report::summary_sentence(&report::summary(&result))
        );
    }
    let failing = match fail_on {
        Threshold::Never => false,
        Threshold::At(min) => result
            .findings
            .iter()
            .any(|f| f.suppression.is_none() && f.severity >= min),
    };
    let status = if result.nothing_scanned() && !result.has_errors() {
        report_nothing_scanned(&given);
        NOTHING_SCANNED
    } else if failing || result.has_errors() {
        1
    } else {
        0
    };
    // The process ends right after: freeing millions of small values one by one would only
    // delay the exit (several percent of a large scan's time).
    std::mem::forget(result);
    status
}

fn run_rules(a: RulesArgs) -> i32 {
    if a.builtins {
        let mut out = String::new();
        for name in crate::builtins::names() {
            out.push_str(&format!(
                "{name}\n    {}\n",
                crate::builtins::describe(name).unwrap_or("")
            ));
        }
        print(&out);
        return 0;
    }
    let rules = match scan::load_rules(&a.rules, !a.no_builtin_rules) {
        Ok(r) => r,
        Err(e) => return config_error(&e),
    };
    let mut list: Vec<_> = rules.rules().iter().collect();
    list.sort_by(|x, y| x.id.cmp(&y.id));
    match a.format {
        ListFormat::Json => {
            let items: Vec<serde_json::Value> = list
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": &*r.id, "title": r.title, "severity": r.severity, "area": r.area,
                        "resources": r.resources.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
                        "aliases": r.aliases, "origin": r.origin,
                        "compliance": r.compliance.iter().map(|(f, c)| (f.clone(), c.clone())).collect::<std::collections::BTreeMap<_, _>>(),
                    })
                })
                .collect();
            print(&format!(
                "{}\n",
                serde_json::to_string_pretty(&items).unwrap_or_default()
            ));
        }
        ListFormat::Human => {
            let width = list.iter().map(|r| r.id.len()).max().unwrap_or(0);
            let mut out = String::new();
            for r in &list {
                out.push_str(&format!(
                    "{:<width$}  {:<8}  {:<21}  {}\n",
                    // Padding applies to strings, not to every `Display`.
                    r.id,
                    r.severity.to_string(),
                    r.area.to_string(),
                    r.title
                ));
            }
            out.push_str(&format!(
                "{} rule{}\n",
                list.len(),
                report::plural(list.len())
            ));
            print(&out);
        }
    }
    0
}

fn run_matrix(a: MatrixArgs) -> i32 {
    if let Some(status) = missing_path(&a.paths) {
        return status;
    }
    let opts = a.input.scan_options(a.paths);
    // The matrix honours .onus.hcl (rule selection, ignores) as a scan does.
    let opts = match with_config(opts, &a.config) {
        Ok((opts, _)) => opts,
        Err(e) => return config_error(&e),
    };
    let result = match scan::scan(&opts) {
        Ok(r) => r,
        Err(e) => return config_error(&e),
    };
    let mut m = report::matrix::build(&result);
    m.compliance = report::compliance::build(&result, &opts.select.compliance);
    print(&match a.format {
        MatrixFormat::Human => report::matrix::render_text(&m),
        MatrixFormat::Markdown => report::matrix::render_markdown(&m),
        MatrixFormat::Json => report::matrix::render_json(&m),
    });
    if result.has_errors() {
        1
    } else {
        0
    }
}

fn run_test(a: TestArgs) -> i32 {
    let rules = if a.paths.is_empty() {
        crate::rules::RuleSet::builtin().map_err(scan::ConfigError)
    } else {
        let mut set = crate::rules::RuleSet::default();
        a.paths
            .iter()
            .try_for_each(|p| set.load_path(p).map(|_| ()))
            .map(|()| set)
            .map_err(scan::ConfigError)
    };
    let rules = match rules {
        Ok(r) => r,
        Err(e) => return config_error(&e),
    };
    let scratch = match tempfile_dir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("onus: cannot make a scratch directory for the examples: {e}");
            return 2;
        }
    };
    let outcomes = crate::ruletest::run(&rules, &scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    print(&crate::ruletest::render(&outcomes, a.verbose));
    if outcomes.iter().all(|o| o.passed()) {
        0
    } else {
        1
    }
}

/// A fresh directory under the system's temporary directory, for `onus test`'s examples.
fn tempfile_dir() -> std::io::Result<PathBuf> {
    let base = std::env::temp_dir();
    for n in 0..1000u32 {
        let dir = base.join(format!("onus-test-{}-{n}", std::process::id()));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free scratch directory name"))
}

fn run_explain(a: ExplainArgs) -> i32 {
    let rules = match scan::load_rules(&a.rules, true) {
        Ok(r) => r,
        Err(e) => return config_error(&e),
    };
    let catalog = match scan::load_catalog(&a.rules) {
        Ok(c) => c,
        Err(e) => return config_error(&e),
    };
    let text = crate::explain::explain(&rules, &a.id)
        .or_else(|| crate::explain::explain_type(&catalog, &rules, &a.id));
    match text {
        Some(text) => {
            print(&text);
            0
        }
        None => {
            eprintln!(
                "onus: no rule or resource type `{}` (see `onus rules`)",
                a.id
            );
            2
        }
    }
}

/// Applies the configuration file (found from the scanned paths, or named with `--config`) and
/// the selection flags to `opts`. Lists of paths add up (configuration first); rule selection
/// flags replace the configuration's list of the same kind.
fn with_config(
    opts: ScanOptions,
    c: &ConfigArgs,
) -> Result<(ScanOptions, crate::config::Config), scan::ConfigError> {
    let config = if c.no_config {
        crate::config::Config::default()
    } else if let Some(path) = &c.config {
        crate::config::load(path)?
    } else {
        let start = opts
            .paths
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        match crate::config::discover(&start) {
            Some(path) => crate::config::load(&path)?,
            None => crate::config::Config::default(),
        }
    };
    let mut opts = config.apply_to(opts);
    let select = &mut opts.select;
    if !c.rule.is_empty() {
        select.enable = c.rule.clone();
    }
    if !c.skip_rule.is_empty() {
        select.disable = c.skip_rule.clone();
    }
    if !c.provider.is_empty() {
        select.providers = c.provider.clone();
    }
    if !c.area.is_empty() {
        select.areas = c.area.clone();
    }
    if c.min_severity.is_some() {
        select.min_severity = c.min_severity;
    }
    if !c.compliance.is_empty() {
        select.compliance = c.compliance.clone();
    }
    Ok((opts, config))
}

fn run_init(a: InitArgs) -> i32 {
    let dir = a.dir.unwrap_or_else(|| PathBuf::from("."));
    let path = dir.join(crate::config::FILE_NAME);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    match file {
        Ok(mut f) => match f.write_all(crate::config::TEMPLATE.as_bytes()) {
            Ok(()) => {
                print(&format!(
                    "wrote {}\n",
                    crate::source::display_file_path(&path)
                ));
                0
            }
            Err(e) => {
                eprintln!("onus: cannot write {}: {e}", path.display());
                2
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!(
                "onus: {} already exists; not overwriting it",
                crate::source::display_file_path(&path)
            );
            2
        }
        Err(e) => {
            eprintln!("onus: cannot write {}: {e}", path.display());
            2
        }
    }
}

fn run_baseline_write(a: BaselineWriteArgs) -> i32 {
    if let Some(status) = missing_path(&a.paths) {
        return status;
    }
    let given = a.paths.clone();
    let opts = a.input.scan_options(a.paths);
    let mut opts = match with_config(opts, &a.config) {
        Ok((o, _)) => o,
        Err(e) => return config_error(&e),
    };
    // The new baseline replaces the old one: findings the old one accepted are recorded again.
    opts.suppress.baseline = None;
    opts.suppress.report_unused_ignores = false;
    let result = match scan::scan(&opts) {
        Ok(r) => r,
        Err(e) => return config_error(&e),
    };
    if result.has_errors() {
        eprint!(
            "{}",
            report::render(Format::Compact, &result, &RenderOptions::default())
        );
        eprintln!("onus: the scan is incomplete; no baseline written");
        return 1;
    }
    if result.nothing_scanned() {
        report_nothing_scanned(&given);
        eprintln!("onus: no baseline written");
        return NOTHING_SCANNED;
    }
    // Files by their repository path, as fingerprints: the baseline matches from any directory.
    let baseline =
        crate::suppress::Baseline::from_findings(result.findings.iter().map(|f| &**f), |f| {
            result
                .sources
                .get(f.primary.file)
                .map(|s| s.repository_path().to_string())
                .unwrap_or_default()
        });
    if let Err(e) = baseline.write(&a.output) {
        eprintln!("onus: {e}");
        return 2;
    }
    let n = baseline.findings.len();
    print(&format!(
        "wrote {n} finding{} to {}\n",
        report::plural(n),
        crate::source::display_file_path(&a.output)
    ));
    0
}

#[cfg(test)]
mod module_of_files_tests {
    use super::*;

    #[test]
    fn files_become_their_directories_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sub = dir.path().join("modules/net");
        std::fs::create_dir_all(&sub).expect("dirs");
        let got = modules_of(&[
            sub.join("main.tf"),
            sub.join("variables.tf"),
            PathBuf::from("main.tf"),
            dir.path().to_path_buf(),
            dir.path().join("x.tfvars"),
        ]);
        assert_eq!(
            got,
            vec![sub.clone(), PathBuf::from("."), dir.path().to_path_buf()]
        );
    }

    #[test]
    fn output_arguments_parse() {
        let (f, p) = parse_output("sarif=out/onus.sarif").expect("parses");
        assert_eq!(f, Format::Sarif);
        assert_eq!(p, PathBuf::from("out/onus.sarif"));
        // Only the first `=` separates: paths may hold more.
        assert_eq!(
            parse_output("json=a=b.json").map(|(_, p)| p),
            Ok(PathBuf::from("a=b.json"))
        );
        assert!(parse_output("sarif").is_err());
        assert!(parse_output("sarif=").is_err());
        assert!(parse_output("yaml=x").is_err());
    }
}

#[cfg(test)]
mod format_arg_tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn every_format_is_offered_under_its_own_name() {
        let offered: Vec<(String, Format)> = FormatArg::value_variants()
            .iter()
            .filter_map(|v| {
                Some((
                    v.to_possible_value()?.get_name().to_string(),
                    Format::from(*v),
                ))
            })
            .collect();
        assert_eq!(offered.len(), Format::ALL.len());
        for (name, format) in &offered {
            assert_eq!(name, format.name());
            assert_eq!(name.parse::<Format>(), Ok(*format));
        }
    }
}

#[cfg(test)]
mod terminal_tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn colour_forced_for_pagers_unless_the_flag_says_no() {
        assert!(color_choice(false, env(&[]), true));
        assert!(!color_choice(false, env(&[]), false));
        assert!(color_choice(false, env(&[("CLICOLOR_FORCE", "1")]), false));
        assert!(color_choice(false, env(&[("FORCE_COLOR", "true")]), false));
        // Forcing beats NO_COLOR; `0` and empty do not force.
        assert!(color_choice(
            false,
            env(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]),
            true
        ));
        assert!(!color_choice(false, env(&[("FORCE_COLOR", "0")]), false));
        assert!(!color_choice(false, env(&[("CLICOLOR_FORCE", "")]), false));
        assert!(!color_choice(false, env(&[("NO_COLOR", "1")]), true));
        assert!(!color_choice(true, env(&[("FORCE_COLOR", "1")]), true));
    }

    #[test]
    fn width_from_the_terminal_then_columns_then_100() {
        assert_eq!(width_choice(Some(80), Some("120")), 80);
        assert_eq!(width_choice(None, Some("120")), 120);
        assert_eq!(width_choice(None, Some("wide")), 100);
        assert_eq!(width_choice(None, None), 100);
        assert_eq!(width_choice(Some(10), None), 40);
    }
}
