//! The command line: `onus scan`, `onus rules`, `onus explain`. Parses arguments, runs the
//! library, prints, and returns the exit status (0 clean, 1 findings or unreadable input,
//! 2 usage or configuration error).

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
    /// List every rule: id, severity, area, title.
    Rules(RulesArgs),
    /// Show a rule's documentation, remediation and examples.
    Explain(ExplainArgs),
}

#[derive(Args, Debug)]
pub struct ScanArgs {
    /// Files or directories to scan (default: the current directory).
    pub paths: Vec<PathBuf>,
    /// Output format (default: human on a terminal, compact otherwise).
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Exit with status 1 when a finding is at or above this severity (`never` to always exit 0 on findings).
    #[arg(long, default_value = "low", value_parser = parse_threshold)]
    pub fail_on: Threshold,
    /// Skip paths matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Read variable values from this file, as `terraform plan -var-file` does (repeatable).
    #[arg(long, value_name = "FILE")]
    pub var_file: Vec<PathBuf>,
    /// Set a variable, as `terraform plan -var` does (repeatable; later wins).
    #[arg(long, value_name = "NAME=VALUE")]
    pub var: Vec<CliVar>,
    /// Add the rules in this directory (repeatable).
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Follow symbolic links to directories while walking.
    #[arg(long)]
    pub follow_symlinks: bool,
    /// List suppressed findings too.
    #[arg(long)]
    pub show_suppressed: bool,
    /// Never colour output (colour also stays off when NO_COLOR is set or output is not a terminal).
    #[arg(long)]
    pub no_color: bool,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "human")]
    pub format: ListFormat,
    /// Also add the rules in this directory (repeatable).
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
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

#[derive(Debug, Clone, Copy)]
pub enum Threshold {
    At(Severity),
    Never,
}

fn parse_threshold(s: &str) -> Result<Threshold, String> {
    match s {
        "never" | "none" => Ok(Threshold::Never),
        "any" => Ok(Threshold::At(Severity::Low)),
        other => other.parse().map(Threshold::At),
    }
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
        Command::Scan(a) => run_scan(a),
        Command::Rules(a) => run_rules(a),
        Command::Explain(a) => run_explain(a),
    }
}

fn color_allowed(no_color: bool) -> bool {
    !no_color
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal()
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

fn run_scan(a: ScanArgs) -> i32 {
    let env_vars = std::env::vars()
        .filter_map(|(k, v)| k.strip_prefix("TF_VAR_").map(|n| (n.to_string(), v)))
        .collect();
    let format = a.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Human
    } else {
        Format::Compact
    });
    let opts = ScanOptions {
        // Progress only for people: never with a machine format or when stderr is not a
        // terminal.
        progress: format == Format::Human && std::io::stderr().is_terminal(),
        paths: a.paths,
        exclude: a.exclude,
        follow_symlinks: a.follow_symlinks,
        var_files: a.var_file,
        vars: a.var,
        env_vars,
        rule_dirs: a.rules,
        ..ScanOptions::default()
    };
    let result = match scan::scan(&opts) {
        Ok(r) => r,
        Err(e) => return config_error(&e),
    };
    let render = RenderOptions {
        color: color_allowed(a.no_color),
        width: 100,
        show_suppressed: a.show_suppressed,
    };
    print(&report::render(format, &result, &render));
    let failing = match a.fail_on {
        Threshold::Never => false,
        Threshold::At(min) => result
            .findings
            .iter()
            .any(|f| f.suppression.is_none() && f.severity >= min),
    };
    let status = if failing || result.has_errors() { 1 } else { 0 };
    // The process ends right after: freeing millions of small values one by one would only
    // delay the exit (several percent of a large scan's time).
    std::mem::forget(result);
    status
}

fn run_rules(a: RulesArgs) -> i32 {
    let rules = match scan::load_rules(&a.rules) {
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
                    r.id, r.severity, r.area, r.title
                ));
            }
            out.push_str(&format!("{} rules\n", list.len()));
            print(&out);
        }
    }
    0
}

fn run_explain(a: ExplainArgs) -> i32 {
    let rules = match scan::load_rules(&a.rules) {
        Ok(r) => r,
        Err(e) => return config_error(&e),
    };
    match crate::explain::explain(&rules, &a.id) {
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
