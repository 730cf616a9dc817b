//! A generator of realistic synthetic Terraform corpora, shared by the `gen_corpus` example,
//! the `scan` benchmark and the determinism test (each includes this file with `#[path]`).
//!
//! The layout is a monorepo: a few shared module directories under `modules/`, and root
//! modules of 10 to 20 files under `roots/`, each calling some of the shared modules. Files
//! hold AWS resources the rules cover (S3 buckets with and without encryption resources,
//! security groups with ingress blocks, RDS, EBS, IAM policies built with `jsonencode` and
//! heredocs, launch templates, ...), variables with defaults, locals and `terraform.tfvars`.
//! Like published modules, the shared modules also declare many described inputs (object
//! types with optional attributes, validations) and outputs, locals built with nested `for`
//! expressions and a large `aws_iam_policy_document`; roots have described outputs too.
//! Everything is derived from the seed, so one seed always gives byte-identical files.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Total number of files written (modules, roots and variables files together).
    pub files: usize,
    pub seed: u64,
    /// Average size of a resource file in bytes.
    pub file_bytes: usize,
}

impl Spec {
    pub fn new(files: usize, seed: u64) -> Self {
        Spec {
            files,
            seed,
            file_bytes: 10 * 1024,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stats {
    pub files: usize,
    pub bytes: u64,
    pub roots: usize,
    pub modules: usize,
    pub resources: usize,
}

/// SplitMix64: small, fast and fully deterministic across platforms.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }
}

const MODULE_KINDS: [&str; 4] = ["storage", "network", "database", "compute"];
const TEAMS: [&str; 6] = ["payments", "search", "platform", "data", "identity", "edge"];
const ENVS: [&str; 3] = ["dev", "staging", "prod"];
const CIDRS: [&str; 5] = [
    "0.0.0.0/0",
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.10.0/24",
    "10.20.0.0/16",
];
const PORTS: [u16; 6] = [22, 80, 443, 3389, 5432, 8080];
const ACTIONS: [&str; 7] = [
    "s3:GetObject",
    "s3:PutObject",
    "s3:*",
    "*",
    "dynamodb:Query",
    "kms:Decrypt",
    "sqs:SendMessage",
];

/// Writes a corpus of `spec.files` files below `out` (created if missing).
pub fn generate(out: &Path, spec: &Spec) -> io::Result<Stats> {
    let mut rng = Rng::new(spec.seed);
    let mut stats = Stats::default();
    let module_count = (spec.files / 400).clamp(1, MODULE_KINDS.len() * 2);
    let mut module_dirs = Vec::new();
    // Modules first: three files each.
    for m in 0..module_count {
        if stats.files + 3 > spec.files {
            break;
        }
        let kind = MODULE_KINDS[m % MODULE_KINDS.len()];
        let dir = out.join("modules").join(format!("{kind}-{m}"));
        std::fs::create_dir_all(&dir)?;
        let (vars, main, outputs) = module_files(kind, &mut rng);
        write(&dir.join("variables.tf"), &vars, &mut stats)?;
        write(&dir.join("main.tf"), &main, &mut stats)?;
        write(&dir.join("outputs.tf"), &outputs, &mut stats)?;
        stats.modules += 1;
        module_dirs.push((kind, format!("{kind}-{m}")));
    }
    let mut root = 0usize;
    while stats.files < spec.files {
        let left = spec.files - stats.files;
        let n = rng.range(10, 20).min(left);
        let dir = out.join("roots").join(format!("r{root:05}"));
        std::fs::create_dir_all(&dir)?;
        write_root(&dir, n, root, &module_dirs, spec, &mut rng, &mut stats)?;
        stats.roots += 1;
        root += 1;
    }
    Ok(stats)
}

fn write(path: &Path, text: &str, stats: &mut Stats) -> io::Result<()> {
    std::fs::write(path, text)?;
    stats.files += 1;
    stats.bytes += text.len() as u64;
    Ok(())
}

fn write_root(
    dir: &Path,
    n: usize,
    index: usize,
    modules: &[(&str, String)],
    spec: &Spec,
    rng: &mut Rng,
    stats: &mut Stats,
) -> io::Result<()> {
    let team = *rng.pick(&TEAMS);
    let env = *rng.pick(&ENVS);
    // Fixed files first, as many as fit: variables, locals, tfvars, module calls.
    let mut fixed: Vec<(PathBuf, String)> = vec![
        (dir.join("variables.tf"), root_variables(team, env, rng)),
        (dir.join("locals.tf"), root_locals(index)),
        (dir.join("terraform.tfvars"), root_tfvars(team, env, rng)),
    ];
    if !modules.is_empty() {
        fixed.push((dir.join("modules.tf"), module_calls(modules, rng)));
    }
    fixed.push((dir.join("outputs.tf"), root_outputs(rng)));
    let fixed_count = fixed.len().min(n);
    for (path, text) in fixed.into_iter().take(fixed_count) {
        write(&path, &text, stats)?;
    }
    for j in 0..n - fixed_count {
        // Resource files average 1.35 × `file_bytes`, which brings the average over all files,
        // small variables files included, close to `file_bytes`.
        let target = rng.range(spec.file_bytes * 7 / 10, spec.file_bytes * 2);
        let mut text = String::with_capacity(target + 2048);
        let mut k = 0;
        while text.len() < target {
            resource(&mut text, &format!("r{j}_{k}"), rng);
            stats.resources += 1;
            k += 1;
        }
        let kind = ["storage", "network", "data", "iam", "compute"][j % 5];
        write(&dir.join(format!("{kind}_{j:02}.tf")), &text, stats)?;
    }
    Ok(())
}

fn root_variables(team: &str, env: &str, rng: &mut Rng) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        r#"variable "team" {{
  type        = string
  description = "Owning team"
  default     = "{team}"
}}

variable "environment" {{
  type    = string
  default = "{env}"
}}

variable "encrypt" {{
  type    = bool
  default = {}
}}

variable "allowed_cidrs" {{
  type    = list(string)
  default = ["10.0.0.0/8", "{}"]
}}

variable "replicas" {{
  type    = number
  default = {}
}}

variable "kms_key_arn" {{
  type    = string
  default = null
}}
"#,
        rng.chance(60),
        rng.pick(&CIDRS),
        rng.range(0, 3)
    );
    for i in 0..rng.range(10, 25) {
        module_input(&mut s, "root", i, rng);
    }
    s
}

/// A root module's outputs: described, some built with `for` expressions over its locals.
fn root_outputs(rng: &mut Rng) -> String {
    let mut s = String::from(
        r#"output "prefix" {
  description = "The name prefix every resource of this root module carries."
  value       = local.prefix
}

output "queue_retention" {
  description = "Message retention of each queue, in seconds, by queue name."
  value       = { for name, q in local.queues : name => q.retention }
}

output "delayed_queues" {
  description = "Names of the queues that delay delivery."
  value       = [for name, q in local.queues : upper(name) if q.delay > 0]
}
"#,
    );
    for i in 0..rng.range(5, 15) {
        let _ = write!(
            s,
            r#"
output "tag_{i}" {{
  description = "Tag values of this root module, rendered for dashboards and cost reports ({i})."
  value       = join(",", [for k, v in local.common_tags : "${{k}}=${{v}}" if v != ""])
}}
"#
        );
    }
    s
}

fn root_locals(index: usize) -> String {
    format!(
        r#"locals {{
  prefix = "${{var.team}}-${{var.environment}}-{index}"
  common_tags = {{
    Team        = var.team
    Environment = var.environment
    ManagedBy   = "terraform"
    CostCenter  = "cc-{index}"
  }}
  queues = {{
    orders   = {{ delay = 0, retention = 86400 }}
    invoices = {{ delay = 5, retention = 345600 }}
  }}
  ports       = [for p in [443, 8443] : p]
  is_prod     = var.environment == "prod"
  bucket_name = "${{local.prefix}}-artifacts"
}}
"#
    )
}

fn root_tfvars(team: &str, env: &str, rng: &mut Rng) -> String {
    format!(
        "team        = \"{team}\"\nenvironment = \"{env}\"\nencrypt     = {}\nreplicas    = {}\n",
        rng.chance(70),
        rng.range(1, 3)
    )
}

fn module_calls(modules: &[(&str, String)], rng: &mut Rng) -> String {
    let mut s = String::new();
    let calls = rng.range(1, modules.len().min(3));
    for c in 0..calls {
        let (kind, dir) = &modules[(rng.range(0, modules.len() - 1) + c) % modules.len()];
        let _ = write!(
            s,
            r#"module "{kind}_{c}" {{
  source      = "../../modules/{dir}"
  name        = "${{local.prefix}}-{kind}-{c}"
  encrypted   = var.encrypt
  tags        = local.common_tags
  allowed     = var.allowed_cidrs
}}

"#
        );
    }
    s
}

fn module_files(kind: &str, rng: &mut Rng) -> (String, String, String) {
    let vars = r#"variable "name" {
  type = string
}

variable "encrypted" {
  type    = bool
  default = true
}

variable "tags" {
  type    = map(string)
  default = {}
}

variable "allowed" {
  type    = list(string)
  default = []
}
"#
    .to_string();
    let mut main = String::new();
    match kind {
        "storage" => {
            main.push_str(
                r#"resource "aws_s3_bucket" "this" {
  bucket = var.name
  tags   = var.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = var.encrypted ? 1 : 0
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = aws_s3_bucket.this.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"#,
            );
        }
        "network" => {
            main.push_str(
                r#"resource "aws_security_group" "this" {
  name        = var.name
  description = "managed by the network module"

  dynamic "ingress" {
    for_each = var.allowed
    content {
      from_port   = 443
      to_port     = 443
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
"#,
            );
        }
        "database" => {
            main.push_str(
                r#"resource "aws_db_instance" "this" {
  identifier          = var.name
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  allocated_storage   = 20
  storage_encrypted   = var.encrypted
  publicly_accessible = false
  deletion_protection = true
  tags                = var.tags
}
"#,
            );
        }
        _ => {
            main.push_str(
                r#"resource "aws_launch_template" "this" {
  name_prefix   = var.name
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = var.encrypted ? "required" : "optional"
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 20
      encrypted   = var.encrypted
    }
  }
}
"#,
            );
        }
    }
    let _ = writeln!(main, "# revision {}", rng.next_u64() % 1000);
    module_locals_and_policy(&mut main, kind, rng);
    let mut outputs = r#"output "name" {
  value = var.name
}

output "tags" {
  value = var.tags
}
"#
    .to_string();
    let mut vars = vars;
    let inputs = rng.range(30, 60);
    for i in 0..inputs {
        module_input(&mut vars, kind, i, rng);
    }
    for i in 0..rng.range(20, 40) {
        module_output(&mut outputs, kind, i, rng);
    }
    (vars, main, outputs)
}

/// What published modules are mostly made of, beside their resources: many inputs, each with
/// a sentence or two of description, object types with optional attributes and defaults.
fn module_input(s: &mut String, kind: &str, i: usize, rng: &mut Rng) {
    let what = *rng.pick(&[
        "retention",
        "logging",
        "replication",
        "endpoint",
        "policy",
        "rotation",
        "tags",
    ]);
    let _ = write!(
        s,
        r#"
variable "{kind}_{what}_{i}" {{
  description = "Controls the {what} settings of the {kind} resources created by this module. Set to null to keep the provider default; see the module README for the accepted values and how they interact with the other {what} inputs."
"#
    );
    match rng.range(0, 4) {
        0 => {
            let _ = write!(
                s,
                "  type        = bool\n  default     = {}\n}}\n",
                rng.chance(50)
            );
        }
        1 => {
            let _ = write!(
                s,
                "  type        = number\n  default     = {}\n}}\n",
                rng.range(0, 400)
            );
        }
        2 => s.push_str("  type        = map(string)\n  default     = {}\n}\n"),
        3 => s.push_str(
            r#"  type = object({
    enabled          = optional(bool, false)
    retention_days   = optional(number, 30)
    destination_arn  = optional(string)
    include_patterns = optional(list(string), [])
    settings         = optional(map(string), {})
  })
  default = {}
}
"#,
        ),
        _ => s.push_str(
            r#"  type = list(object({
    name     = string
    priority = optional(number, 100)
    action   = optional(string, "allow")
    cidrs    = optional(list(string), [])
  }))
  default = []

  validation {
    condition     = alltrue([for r in var.rules_placeholder : contains(["allow", "deny"], r.action)])
    error_message = "Each rule's action must be allow or deny."
  }
}
"#
            .replace("rules_placeholder", &format!("{kind}_{what}_{i}"))
            .as_str(),
        ),
    }
}

/// Outputs as modules publish them: one per attribute a caller may need, each described and
/// wrapped in `try` so a disabled resource gives null.
fn module_output(s: &mut String, kind: &str, i: usize, rng: &mut Rng) {
    let attr = *rng.pick(&["arn", "id", "name", "tags_all", "policy"]);
    let _ = write!(
        s,
        r#"
output "{kind}_{attr}_{i}" {{
  description = "The {attr} of the {kind} resources, or null when the module creates none; use it to wire other modules to this one."
  value       = try(local.{attr}_by_name["primary"], null)
}}
"#
    );
    if rng.chance(30) {
        let _ = write!(
            s,
            r#"
output "{kind}_{attr}_{i}_all" {{
  description = "Every {attr} by name."
  value       = {{ for k, v in local.{attr}_by_name : k => v if v != null }}
}}
"#
        );
    }
}

/// Locals built with long `for` expressions over the inputs, and a large policy document.
fn module_locals_and_policy(s: &mut String, kind: &str, rng: &mut Rng) {
    let _ = write!(
        s,
        r#"
locals {{
  names = ["primary", "secondary", "audit"]
  arn_by_name      = {{ for n in local.names : n => "arn:aws:{kind}:eu-west-1:123456789012:${{var.name}}-${{n}}" }}
  id_by_name       = {{ for n in local.names : n => "${{var.name}}-${{n}}" }}
  name_by_name     = {{ for n in local.names : n => upper(n) }}
  tags_all_by_name = {{ for n in local.names : n => merge(var.tags, {{ Name = "${{var.name}}-${{n}}", Role = n }}) }}
  policy_by_name   = {{ for n in local.names : n => null }}
  flat_rules = flatten([
    for idx, cidr in var.allowed : [
      for port in [443, 8443, 9443] : {{
        key   = "${{idx}}-${{port}}"
        cidr  = cidr
        port  = port
        notes = "rule ${{idx}} for port ${{port}} of ${{var.name}}"
      }}
    ]
  ])
  rules_by_key = {{ for r in local.flat_rules : r.key => r if r.port != 9443 }}
}}

data "aws_iam_policy_document" "this" {{
"#
    );
    for st in 0..rng.range(4, 8) {
        let action = *rng.pick(&ACTIONS);
        let _ = write!(
            s,
            r#"  statement {{
    sid       = "Statement{st}"
    effect    = "Allow"
    actions   = ["{action}", "kms:GenerateDataKey", "logs:PutLogEvents"]
    resources = [for n in local.names : "arn:aws:s3:::${{var.name}}-${{n}}/*"]

    condition {{
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-exampleorg{st}"]
    }}
  }}

"#
        );
    }
    s.push_str(
        r#"}

resource "aws_iam_policy" "this" {
  name        = "${var.name}-access"
  description = "Access to the resources of this module"
  policy      = data.aws_iam_policy_document.this.json
}
"#,
    );
}

/// Appends one resource (sometimes with companions) named after `name`.
fn resource(s: &mut String, name: &str, rng: &mut Rng) {
    match rng.range(0, 11) {
        0 | 1 => s3_bucket(s, name, rng),
        2 | 3 => security_group(s, name, rng),
        4 => rds(s, name, rng),
        5 => ebs(s, name, rng),
        6 => iam_jsonencode(s, name, rng),
        7 => iam_heredoc(s, name, rng),
        8 => launch_template(s, name, rng),
        9 => kms_and_queue(s, name, rng),
        10 => dynamodb(s, name, rng),
        _ => instance(s, name, rng),
    }
    s.push('\n');
}

fn s3_bucket(s: &mut String, name: &str, rng: &mut Rng) {
    let _ = write!(
        s,
        r#"resource "aws_s3_bucket" "{name}" {{
  bucket = "${{local.prefix}}-{name}"
  tags   = merge(local.common_tags, {{ Name = "{name}" }})
}}
"#
    );
    if rng.chance(60) {
        let algo = if rng.chance(50) { "aws:kms" } else { "AES256" };
        let _ = write!(
            s,
            r#"
resource "aws_s3_bucket_server_side_encryption_configuration" "{name}" {{
  bucket = aws_s3_bucket.{name}.id

  rule {{
    apply_server_side_encryption_by_default {{
      sse_algorithm     = "{algo}"
      kms_master_key_id = var.kms_key_arn
    }}
    bucket_key_enabled = true
  }}
}}
"#
        );
    }
    if rng.chance(50) {
        let _ = write!(
            s,
            r#"
resource "aws_s3_bucket_public_access_block" "{name}" {{
  bucket                  = aws_s3_bucket.{name}.id
  block_public_acls       = true
  block_public_policy     = {}
  ignore_public_acls      = true
  restrict_public_buckets = true
}}
"#,
            rng.chance(80)
        );
    }
    if rng.chance(40) {
        let _ = write!(
            s,
            r#"
resource "aws_s3_bucket_versioning" "{name}" {{
  bucket = aws_s3_bucket.{name}.id
  versioning_configuration {{
    status = "{}"
  }}
}}
"#,
            if rng.chance(80) {
                "Enabled"
            } else {
                "Suspended"
            }
        );
    }
}

fn security_group(s: &mut String, name: &str, rng: &mut Rng) {
    let _ = write!(
        s,
        r#"resource "aws_security_group" "{name}" {{
  name        = "${{local.prefix}}-{name}"
  description = "Security group for {name}"
  vpc_id      = "vpc-0abc{:04x}"
"#,
        rng.next_u64() % 0xffff
    );
    for _ in 0..rng.range(1, 4) {
        let port = *rng.pick(&PORTS);
        let cidr = *rng.pick(&CIDRS);
        let _ = write!(
            s,
            r#"
  ingress {{
    description = "port {port}"
    from_port   = {port}
    to_port     = {port}
    protocol    = "tcp"
    cidr_blocks = ["{cidr}"]
  }}
"#
        );
    }
    if rng.chance(30) {
        s.push_str(
            r#"
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = var.allowed_cidrs
    }
  }
"#,
        );
    }
    s.push_str(
        r#"
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = local.common_tags
}
"#,
    );
}

fn rds(s: &mut String, name: &str, rng: &mut Rng) {
    let _ = write!(
        s,
        r#"resource "aws_db_instance" "{name}" {{
  identifier              = "${{local.prefix}}-{}"
  engine                  = "{}"
  instance_class          = "db.r5.large"
  allocated_storage       = {}
  storage_encrypted       = {}
  publicly_accessible     = {}
  deletion_protection     = local.is_prod
  backup_retention_period = 7
  username                = "admin"
  skip_final_snapshot     = true
  tags                    = local.common_tags
}}
"#,
        name.replace('_', "-"),
        rng.pick(&["postgres", "mysql", "mariadb"]),
        rng.range(20, 500),
        if rng.chance(50) {
            "var.encrypt"
        } else {
            "true"
        },
        rng.chance(15),
    );
}

fn ebs(s: &mut String, name: &str, rng: &mut Rng) {
    let _ = write!(
        s,
        r#"resource "aws_ebs_volume" "{name}" {{
  availability_zone = "eu-west-1{}"
  size              = {}
  type              = "gp3"
  encrypted         = {}
  tags              = merge(local.common_tags, {{ Name = "{name}" }})
}}
"#,
        rng.pick(&["a", "b", "c"]),
        rng.range(8, 1000),
        if rng.chance(60) {
            "true"
        } else {
            "var.encrypt"
        },
    );
}

fn iam_jsonencode(s: &mut String, name: &str, rng: &mut Rng) {
    let a1 = *rng.pick(&ACTIONS);
    let a2 = *rng.pick(&ACTIONS);
    let _ = write!(
        s,
        r#"resource "aws_iam_policy" "{name}" {{
  name        = "${{local.prefix}}-{name}"
  description = "Access policy for {name}"
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [
      {{
        Sid      = "Primary"
        Effect   = "Allow"
        Action   = ["{a1}", "{a2}"]
        Resource = "*"
      }},
      {{
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:aws:logs:*:*:log-group:/app/{name}:*"
      }},
    ]
  }})
}}
"#
    );
}

fn iam_heredoc(s: &mut String, name: &str, rng: &mut Rng) {
    let principal = if rng.chance(10) {
        r#""AWS": "*""#
    } else {
        r#""Service": "ec2.amazonaws.com""#
    };
    let _ = write!(
        s,
        r#"resource "aws_iam_role" "{name}" {{
  name               = "${{local.prefix}}-{name}"
  assume_role_policy = <<EOF
{{
  "Version": "2012-10-17",
  "Statement": [
    {{
      "Effect": "Allow",
      "Principal": {{ {principal} }},
      "Action": "sts:AssumeRole"
    }}
  ]
}}
EOF
  tags = local.common_tags
}}
"#
    );
}

fn launch_template(s: &mut String, name: &str, rng: &mut Rng) {
    let _ = write!(
        s,
        r#"resource "aws_launch_template" "{name}" {{
  name_prefix   = "${{local.prefix}}-{name}"
  image_id      = "ami-{:012x}"
  instance_type = "{}"
  user_data     = base64encode("echo hello from {name}")

  metadata_options {{
    http_endpoint               = "enabled"
    http_tokens                 = "{}"
    http_put_response_hop_limit = 1
  }}

  block_device_mappings {{
    device_name = "/dev/xvda"
    ebs {{
      volume_size = {}
      encrypted   = {}
    }}
  }}

  tag_specifications {{
    resource_type = "instance"
    tags          = local.common_tags
  }}
}}
"#,
        rng.next_u64() & 0xffff_ffff_ffff,
        rng.pick(&["t3.micro", "m5.large", "c6g.xlarge"]),
        if rng.chance(60) {
            "required"
        } else {
            "optional"
        },
        rng.range(8, 200),
        rng.chance(70),
    );
}

fn kms_and_queue(s: &mut String, name: &str, rng: &mut Rng) {
    let _ = write!(
        s,
        r#"resource "aws_kms_key" "{name}" {{
  description             = "Key for {name}"
  deletion_window_in_days = 30
  enable_key_rotation     = {}
}}

resource "aws_sqs_queue" "{name}" {{
  for_each                   = local.queues
  name                       = "${{local.prefix}}-{name}-${{each.key}}"
  delay_seconds              = each.value.delay
  message_retention_seconds  = each.value.retention
  sqs_managed_sse_enabled    = {}
  kms_master_key_id          = aws_kms_key.{name}.arn
}}
"#,
        rng.chance(70),
        rng.chance(80),
    );
}

fn dynamodb(s: &mut String, name: &str, rng: &mut Rng) {
    let _ = write!(
        s,
        r#"resource "aws_dynamodb_table" "{name}" {{
  name         = "${{local.prefix}}-{name}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {{
    name = "pk"
    type = "S"
  }}

  attribute {{
    name = "sk"
    type = "S"
  }}

  point_in_time_recovery {{
    enabled = {}
  }}

  tags = local.common_tags
}}
"#,
        rng.chance(60)
    );
}

fn instance(s: &mut String, name: &str, rng: &mut Rng) {
    let _ = write!(
        s,
        r#"resource "aws_instance" "{name}" {{
  count         = var.replicas
  ami           = "ami-{:012x}"
  instance_type = "t3.small"
  subnet_id     = "subnet-{:08x}"

  metadata_options {{
    http_tokens = "{}"
  }}

  root_block_device {{
    encrypted   = {}
    volume_size = 30
  }}

  tags = merge(local.common_tags, {{ Name = "{name}-${{count.index}}" }})
}}
"#,
        rng.next_u64() & 0xffff_ffff_ffff,
        rng.next_u64() & 0xffff_ffff,
        if rng.chance(50) {
            "required"
        } else {
            "optional"
        },
        rng.chance(70),
    );
}
