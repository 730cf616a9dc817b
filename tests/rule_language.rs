//! The rule language on real configurations: presence of attributes set to expressions,
//! `target` (references out of a resource), `type`, and comparisons between attributes.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::Path;

const HEAD: &str = r#"
  title       = "t"
  severity    = "low"
  area        = "data-protection"
  description = "d"
  remediation = "r"
"#;

/// A rule file with `resources` and `body` (the conditions), and trivial examples.
fn rule(id: &str, resources: &str, body: &str) -> String {
    format!(
        "rule \"{id}\" {{\n{HEAD}  resources = [{resources}]\n{body}\n  example \"bad\" {{\n    code = \"resource \\\"x\\\" \\\"y\\\" {{}}\"\n    lines = [1]\n  }}\n  example \"good\" {{\n    code = \"\"\n  }}\n}}\n"
    )
}

/// Scans `tf` (files by name) with only `rules`, and returns the JSON report.
fn scan(rules: &[(&str, String)], tf: &[(&str, &str)]) -> Value {
    let dir = tempfile::tempdir().expect("tmp");
    let rdir = dir.path().join("rules");
    fs::create_dir_all(&rdir).expect("mkdir");
    for (name, text) in rules {
        fs::write(rdir.join(format!("{name}.hcl")), text).expect("write rule");
    }
    let src = dir.path().join("src");
    for (name, text) in tf {
        let p = src.join(name);
        fs::create_dir_all(p.parent().unwrap_or(Path::new("."))).expect("mkdir");
        fs::write(p, text).expect("write tf");
    }
    let out = Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .args([
            "scan",
            "--no-config",
            "--no-builtin-rules",
            "--rules",
            "rules",
        ])
        .args(["--format", "json", "--fail-on", "never", "src"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// (rule, address, line) of every finding, sorted.
fn findings(report: &Value) -> Vec<(String, String, u64)> {
    let mut v: Vec<_> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["address"].as_str().unwrap_or("").to_string(),
                f["start"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    v.sort();
    v
}

/// (address, reason) of every undecided check, sorted.
fn undecided(report: &Value) -> Vec<(String, String)> {
    let mut v: Vec<_> = report["undecided"]
        .as_array()
        .expect("undecided")
        .iter()
        .map(|u| {
            (
                u["address"].as_str().unwrap_or("").to_string(),
                u["reason"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn addresses(found: &[(String, String, u64)]) -> Vec<&str> {
    found.iter().map(|(_, a, _)| a.as_str()).collect()
}

#[test]
fn an_attribute_set_to_a_reference_is_present_whatever_its_value() {
    let rules: Vec<(&str, String)> = [
        ("u", "\"aws_iam_user_policy_attachment\"", "user"),
        ("k", "\"aws_ebs_volume\"", "kms_key_id"),
        (
            "e",
            "\"aws_eks_cluster\"",
            "encryption_config.provider.key_arn",
        ),
        ("g", "\"google_compute_instance\"", "service_account.email"),
    ]
    .into_iter()
    .map(|(id, ty, path)| {
        (
            id,
            rule(
                id,
                ty,
                &format!(
                    "  assert {{\n    attribute \"{path}\" {{\n      present = false\n    }}\n  }}"
                ),
            ),
        )
    })
    .collect();
    let tf = r#"
variable "user" {}
resource "aws_iam_user" "jim" { name = "jim" }
resource "aws_iam_user_policy_attachment" "ref" {
  user       = aws_iam_user.jim.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
resource "aws_iam_user_policy_attachment" "var" {
  user       = var.user
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
resource "aws_kms_key" "k" {}
resource "aws_ebs_volume" "v" {
  availability_zone = "eu-west-1a"
  kms_key_id        = aws_kms_key.k.arn
}
resource "aws_eks_cluster" "c" {
  name     = "c"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["subnet-1"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.k.arn
    }
  }
}
resource "google_service_account" "sa" { account_id = "app" }
resource "google_compute_instance" "i" {
  name         = "i"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  boot_disk {}
  network_interface {}
  service_account {
    email  = google_service_account.sa.email
    scopes = ["cloud-platform"]
  }
}
"#;
    let report = scan(&rules, &[("main.tf", tf)]);
    assert_eq!(undecided(&report), Vec::<(String, String)>::new());
    let found = findings(&report);
    assert_eq!(
        found,
        [
            ("e".into(), "aws_eks_cluster.c".into(), 26),
            ("g".into(), "google_compute_instance.i".into(), 38),
            ("k".into(), "aws_ebs_volume.v".into(), 15),
            ("u".into(), "aws_iam_user_policy_attachment.ref".into(), 5),
            ("u".into(), "aws_iam_user_policy_attachment.var".into(), 9),
        ]
    );
}

const KEY_ROTATION: &str = r#"
  assert {
    target "kms_key_id" {
      type = "aws_kms_key"
      attribute "enable_key_rotation" {
        equals = true
      }
    }
  }"#;

#[test]
fn target_checks_the_resource_an_attribute_refers_to() {
    let tf = r#"
variable "key" {}
resource "aws_kms_key" "rotated" {
  enable_key_rotation = true
}
resource "aws_kms_key" "static" {}
module "kms" {
  source = "./kms"
}
resource "aws_ebs_volume" "rotated" {
  availability_zone = "a"
  kms_key_id        = aws_kms_key.rotated.arn
}
resource "aws_ebs_volume" "static" {
  availability_zone = "a"
  kms_key_id        = aws_kms_key.static.arn
}
resource "aws_ebs_volume" "from_var" {
  availability_zone = "a"
  kms_key_id        = var.key
}
resource "aws_ebs_volume" "from_module" {
  availability_zone = "a"
  kms_key_id        = module.kms.arn
}
resource "aws_ebs_volume" "elsewhere" {
  availability_zone = "a"
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234"
}
resource "aws_ebs_volume" "chosen" {
  availability_zone = "a"
  kms_key_id        = var.key != "" ? var.key : aws_kms_key.static.arn
}
resource "aws_ebs_volume" "none" {
  availability_zone = "a"
}
"#;
    let module = r#"
resource "aws_kms_key" "this" {}
output "arn" {
  value = aws_kms_key.this.arn
}
"#;
    let report = scan(
        &[("t", rule("t", "\"aws_ebs_volume\"", KEY_ROTATION))],
        &[("main.tf", tf), ("kms/main.tf", module)],
    );
    let found = findings(&report);
    assert_eq!(
        addresses(&found),
        [
            "aws_ebs_volume.from_module",
            "aws_ebs_volume.none",
            "aws_ebs_volume.static"
        ]
    );
    // The finding points at the reference, and names the target and what it lacks.
    let statik = report["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["address"] == "aws_ebs_volume.static"))
        .expect("static");
    assert_eq!(statik["start"]["line"], 16);
    assert_eq!(statik["attribute"], "kms_key_id");
    assert_eq!(
        statik["detail"],
        "refers to aws_kms_key.static: `enable_key_rotation` is not set"
    );
    assert_eq!(statik["secondary"][0]["line"], 6);
    // What cannot be resolved stays undecided, and says why.
    let und = undecided(&report);
    assert_eq!(
        und.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(),
        [
            "aws_ebs_volume.chosen",
            "aws_ebs_volume.elsewhere",
            "aws_ebs_volume.from_var"
        ]
    );
    assert!(und[1].1.contains("not in this configuration"), "{und:?}");
    assert!(und[2].1.contains("variable `key` has no value"), "{und:?}");
}

#[test]
fn target_with_match_finds_a_resource_named_by_a_known_value() {
    let body = r#"
  assert {
    target "role" {
      type  = "aws_iam_role"
      match = "name"
      attribute "max_session_duration" {
        lte     = 3600
        default = 3600
      }
    }
  }"#;
    let tf = r#"
resource "aws_iam_role" "long" {
  name                 = "long"
  assume_role_policy   = "{}"
  max_session_duration = 43200
}
resource "aws_iam_role" "short" {
  name               = "short"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "by_ref" {
  role   = aws_iam_role.long.name
  policy = "{}"
}
resource "aws_iam_role_policy" "by_name" {
  role   = "long"
  policy = "{}"
}
resource "aws_iam_role_policy" "short" {
  role   = "short"
  policy = "{}"
}
"#;
    let report = scan(
        &[("m", rule("m", "\"aws_iam_role_policy\"", body))],
        &[("main.tf", tf)],
    );
    assert_eq!(
        addresses(&findings(&report)),
        ["aws_iam_role_policy.by_name", "aws_iam_role_policy.by_ref"]
    );
    assert_eq!(undecided(&report), Vec::<(String, String)>::new());
}

#[test]
fn type_and_attribute_comparisons_need_no_builtin() {
    let body = r#"
  when {
    type {
      one_of = ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule"]
    }
  }
  assert {
    # from_port <= 22 <= to_port opens SSH.
    not {
      attribute "from_port" {
        lte = 22
      }
      attribute "to_port" {
        gte = 22
      }
    }
    attribute "from_port" {
      lte_attribute = "to_port"
    }
  }"#;
    let tf = r#"
resource "aws_security_group_rule" "ssh_in_range" {
  type      = "ingress"
  from_port = 20
  to_port   = 30
}
resource "aws_security_group_rule" "inverted" {
  type      = "ingress"
  from_port = 443
  to_port   = 80
}
resource "aws_security_group_rule" "https" {
  type      = "ingress"
  from_port = 443
  to_port   = 443
}
resource "aws_network_acl_rule" "other_type" {
  from_port = 22
  to_port   = 22
}
"#;
    let report = scan(
        &[(
            "c",
            rule(
                "c",
                "\"aws_security_group_rule\", \"aws_network_acl_rule\"",
                body,
            ),
        )],
        &[("main.tf", tf)],
    );
    assert_eq!(
        addresses(&findings(&report)),
        [
            "aws_security_group_rule.inverted",
            "aws_security_group_rule.ssh_in_range"
        ]
    );
    // A compared attribute that is not known leaves the check undecided.
    let tf = r#"
variable "to" {}
resource "aws_security_group_rule" "r" {
  type      = "ingress"
  from_port = 443
  to_port   = var.to
}
"#;
    let body = r#"
  assert {
    attribute "from_port" {
      equals_attribute = "to_port"
    }
  }"#;
    let report = scan(
        &[("c", rule("c", "\"aws_security_group_rule\"", body))],
        &[("main.tf", tf)],
    );
    assert!(findings(&report).is_empty());
    assert_eq!(undecided(&report).len(), 1);
}

#[test]
fn new_conditions_reject_bad_arguments_at_parse_time() {
    let cases = [
        (
            "  assert {\n    target \"kms_key_id\" {\n      kind = \"aws_kms_key\"\n    }\n  }",
            "`kind` is not an argument of `target`",
        ),
        (
            "  assert {\n    type {\n      gte = 3\n    }\n  }",
            "`gte` is not a test of `type`",
        ),
        (
            "  assert {\n    attribute \"from_port\" {\n      lte_attribute = 3\n    }\n  }",
            "`lte_attribute` needs an attribute path",
        ),
        (
            "  assert {\n    attribute \"email\" {\n      refers_to = \"data.\"\n    }\n  }",
            "`refers_to` needs a resource type",
        ),
    ];
    for (body, message) in cases {
        let dir = tempfile::tempdir().expect("tmp");
        fs::write(
            dir.path().join("r.hcl"),
            rule("r", "\"aws_instance\"", body),
        )
        .expect("write");
        let out = Command::cargo_bin("onus")
            .expect("binary")
            .current_dir(dir.path())
            .args(["test", "r.hcl"])
            .output()
            .expect("run");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr).to_string()
            + &String::from_utf8_lossy(&out.stdout);
        assert!(err.contains(message), "{err}");
        assert!(err.contains("r.hcl:"), "located: {err}");
    }
}

#[test]
fn a_heredoc_policy_is_decided_from_the_statements_that_are_known() {
    let body = r#"
  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }"#;
    let policy = |name: &str, principal: &str, extra: &str| {
        format!(
            r#"
resource "aws_s3_bucket_policy" "{name}" {{
  bucket = aws_s3_bucket.b.id
  policy = <<POLICY
{{
  "Version": "2012-10-17",
  "Statement": [{{
    "Effect": "Allow",
    "Principal": {principal},
    "Action": "s3:GetObject",
    "Resource": "${{aws_s3_bucket.b.arn}}/*"{extra}
  }}]
}}
POLICY
}}
"#
        )
    };
    let tf = [
        "variable \"who\" {}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n"
            .to_string(),
        policy("public", "\"*\"", ""),
        policy(
            "account",
            "{\"AWS\": \"arn:aws:iam::111122223333:root\"}",
            "",
        ),
        // The part that matters is unknown: undecided.
        policy("principal_unknown", "\"${var.who}\"", ""),
        policy(
            "condition_unknown",
            "\"*\"",
            ",\n    \"Condition\": {\"StringEquals\": {\"aws:SourceVpce\": \"${var.who}\"}}",
        ),
        // The statements themselves come from an unknown loop: undecided.
        policy(
            "shape_unknown",
            "\"*\"",
            "%{ for s in var.who }${s}%{ endfor }",
        ),
    ]
    .concat();
    let report = scan(
        &[("p", rule("p", "\"aws_s3_bucket_policy\"", body))],
        &[("main.tf", &tf)],
    );
    assert_eq!(
        addresses(&findings(&report)),
        ["aws_s3_bucket_policy.public"]
    );
    assert_eq!(
        undecided(&report)
            .iter()
            .map(|(a, _)| a.as_str())
            .collect::<Vec<_>>(),
        [
            "aws_s3_bucket_policy.principal_unknown",
            "aws_s3_bucket_policy.shape_unknown"
        ]
    );
}

#[test]
fn a_builtin_argument_typo_is_a_located_rule_file_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let body =
        "  assert {\n    builtin \"iam-no-admin\" {\n      atribute = \"policy\"\n    }\n  }";
    fs::write(
        dir.path().join("r.hcl"),
        rule("r", "\"aws_iam_policy\"", body),
    )
    .expect("write");
    let out = Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .args(["test", "r.hcl"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    // The misspelt argument's own line and column (line 11 of the file, column 7).
    assert!(err.contains("r.hcl:11:7"), "{err}");
    assert!(err.contains("has no argument `atribute`"), "{err}");
    let body =
        "  assert {\n    builtin \"network-no-public-ingress\" {\n      port = \"ssh\"\n    }\n  }";
    fs::write(
        dir.path().join("r.hcl"),
        rule("r", "\"aws_security_group\"", body),
    )
    .expect("write");
    let out = Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .args(["test", "r.hcl"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("r.hcl:11:7"), "{err}");
}

#[test]
fn console_users_are_followed_to_their_policies_and_groups() {
    let rule = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("rules/aws/iam/aws-iam-console-user-without-mfa-policy.hcl"),
    )
    .expect("rule");
    let tf = r#"
resource "aws_iam_user" "plain" { name = "plain" }
resource "aws_iam_user_login_profile" "plain" { user = aws_iam_user.plain.name }

resource "aws_iam_user" "managed" { name = "managed" }
resource "aws_iam_user_login_profile" "managed" { user = "managed" }
resource "aws_iam_user_policy_attachment" "managed" {
  user       = "managed"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

resource "aws_iam_user" "grouped" { name = "grouped" }
resource "aws_iam_user_login_profile" "grouped" { user = "grouped" }
resource "aws_iam_group" "none" { name = "none" }
resource "aws_iam_group" "mfa" { name = "mfa" }
resource "aws_iam_user_group_membership" "grouped" {
  user   = aws_iam_user.grouped.name
  groups = [aws_iam_group.none.name, "mfa"]
}
resource "aws_iam_group_policy" "mfa" {
  group  = aws_iam_group.mfa.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = "iam:*"
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
    }]
  })
}

resource "aws_iam_user_login_profile" "outside" { user = "someone-else" }
"#;
    let report = scan(&[("mfa", rule)], &[("main.tf", tf)]);
    assert_eq!(
        findings(&report),
        [(
            "aws-iam-console-user-without-mfa-policy".to_string(),
            "aws_iam_user_login_profile.plain".to_string(),
            3
        )]
    );
    // An AWS managed policy cannot be read, a user outside the configuration cannot be followed.
    assert_eq!(
        undecided(&report)
            .iter()
            .map(|(a, _)| a.as_str())
            .collect::<Vec<_>>(),
        [
            "aws_iam_user_login_profile.managed",
            "aws_iam_user_login_profile.outside"
        ]
    );
}

#[test]
fn a_failed_any_or_not_points_at_the_value_that_is_wrong() {
    let any = r#"
  assert {
    any {
      attribute "kms_master_key_id" {
        present = true
      }
      attribute "sqs_managed_sse_enabled" {
        equals = true
      }
    }
  }"#;
    let not = r#"
  assert {
    not {
      attribute "name" {
        equals = "require_secure_transport"
      }
      attribute "value" {
        equals = "OFF"
      }
    }
  }"#;
    let tf = r#"
resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = false
}
resource "aws_sqs_queue" "bare" {
  name = "bare"
}
resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name  = "require_secure_transport"
  value = "OFF"
}
"#;
    let report = scan(
        &[
            ("any", rule("any", "\"aws_sqs_queue\"", any)),
            (
                "not",
                rule(
                    "not",
                    "\"azurerm_mysql_flexible_server_configuration\"",
                    not,
                ),
            ),
        ],
        &[("main.tf", tf)],
    );
    assert_eq!(
        findings(&report),
        [
            ("any".into(), "aws_sqs_queue.bare".into(), 6),
            ("any".into(), "aws_sqs_queue.jobs".into(), 4),
            (
                "not".into(),
                "azurerm_mysql_flexible_server_configuration.tls".into(),
                11
            ),
        ]
    );
    let detail = report["findings"][2]["detail"].as_str().unwrap_or("");
    assert_eq!(detail, "`value` = \"OFF\" is not allowed");
}

#[test]
fn the_rule_checker_warns_of_a_path_no_example_sets() {
    let dir = tempfile::tempdir().expect("tmp");
    let text = r#"rule "r" {
  title       = "t"
  severity    = "low"
  area        = "data-protection"
  description = "d"
  remediation = "r"
  resources   = ["aws_ebs_volume"]
  assert {
    any {
      attribute "encrypted" {
        equals = true
      }
      attribute "kms_key_idd" {
        present = true
      }
    }
  }
  example "bad" {
    code = <<-EOT
      resource "aws_ebs_volume" "v" {
        encrypted = false  # expect: r
      }
    EOT
  }
  example "good" {
    code = <<-EOT
      resource "aws_ebs_volume" "v" {
        encrypted = true
      }
    EOT
  }
}
"#;
    fs::write(dir.path().join("r.hcl"), text).expect("write");
    let out = Command::cargo_bin("onus")
        .expect("binary")
        .current_dir(dir.path())
        .args(["test", "r.hcl"])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    // A warning, not a failure.
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains(
            "warn  r: attribute path `kms_key_idd` is set by none of the rule's examples"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("`encrypted` is set by none"), "{stdout}");
    assert!(stdout.contains("2 passed, 0 failed"), "{stdout}");
}

#[test]
fn a_forbidden_nested_block_is_blamed_at_its_offending_value_also_through_dynamic() {
    let body = r#"
  assert {
    none "settings.ip_configuration.authorized_networks" {
      attribute "value" {
        one_of = ["0.0.0.0/0"]
      }
    }
  }"#;
    let tf = r#"
variable "nets" {
  default = [{ name = "all", value = "0.0.0.0/0" }]
}
resource "google_sql_database_instance" "plain" {
  settings {
    ip_configuration {
      authorized_networks {
        name  = "all"
        value = "0.0.0.0/0"
      }
    }
  }
}
resource "google_sql_database_instance" "dynamic" {
  settings {
    ip_configuration {
      dynamic "authorized_networks" {
        for_each = var.nets
        content {
          name  = authorized_networks.value.name
          value = authorized_networks.value.value
        }
      }
    }
  }
}
"#;
    let report = scan(
        &[("n", rule("n", "\"google_sql_database_instance\"", body))],
        &[("main.tf", tf)],
    );
    assert_eq!(
        findings(&report),
        [
            (
                "n".into(),
                "google_sql_database_instance.dynamic".into(),
                22
            ),
            ("n".into(), "google_sql_database_instance.plain".into(), 10),
        ]
    );
    let dynamic = report["findings"]
        .as_array()
        .and_then(|f| {
            f.iter()
                .find(|f| f["address"] == "google_sql_database_instance.dynamic")
        })
        .expect("dynamic");
    // The value came from the variable's default: that place is related.
    assert_eq!(dynamic["secondary"][0]["line"], 3);
}

#[test]
fn a_pattern_is_tested_on_each_element_of_a_list_of_strings() {
    let none = r#"
  assert {
    none "members" {
      value {
        matches = "^user:"
      }
    }
  }"#;
    let each = r#"
  assert {
    each "members" {
      value {
        matches = "@example\\.com$"
      }
    }
  }"#;
    let tf = r#"
variable "who" {}
resource "google_project_iam_binding" "people" {
  role = "roles/viewer"
  members = [
    "group:ops@example.com",
    "user:jane@gmail.com",
  ]
}
resource "google_project_iam_binding" "groups" {
  role    = "roles/viewer"
  members = ["group:ops@example.com", "serviceAccount:b@example.com"]
}
resource "google_project_iam_binding" "partly" {
  role    = "roles/viewer"
  members = ["group:ops@example.com", var.who]
}
resource "google_project_iam_binding" "unknown" {
  role    = "roles/viewer"
  members = var.who
}
resource "google_project_iam_binding" "decided" {
  role    = "roles/viewer"
  members = [var.who, "user:bob@example.com"]
}
"#;
    let report = scan(
        &[
            ("none", rule("none", "\"google_project_iam_binding\"", none)),
            ("each", rule("each", "\"google_project_iam_binding\"", each)),
        ],
        &[("main.tf", tf)],
    );
    // The finding points at the offending element's own line, not at `members =`; a known
    // element decides `none` whatever the unknown ones are.
    assert_eq!(
        findings(&report),
        [
            ("each".into(), "google_project_iam_binding.people".into(), 7),
            (
                "none".into(),
                "google_project_iam_binding.decided".into(),
                24
            ),
            ("none".into(), "google_project_iam_binding.people".into(), 7),
        ]
    );
    // An unknown element, or an unknown list, leaves the check undecided.
    let undecided: Vec<String> = undecided(&report).into_iter().map(|(a, _)| a).collect();
    assert_eq!(
        undecided,
        [
            "google_project_iam_binding.decided",
            "google_project_iam_binding.partly",
            "google_project_iam_binding.partly",
            "google_project_iam_binding.unknown",
            "google_project_iam_binding.unknown",
        ]
    );
}

#[test]
fn value_outside_a_quantifier_is_a_located_rule_file_error() {
    let cases = [
        (
            "  assert {\n    value {\n      matches = \"x\"\n    }\n  }",
            "`value` tests an element of a list",
        ),
        (
            "  assert {\n    some \"members\" {\n      value \"m\" {\n        matches = \"x\"\n      }\n    }\n  }",
            "`value` takes no label",
        ),
        (
            "  assert {\n    some \"members\" {\n      value {\n        port_count_lte = \"x\"\n      }\n    }\n  }",
            "`port_count_lte` needs a number",
        ),
    ];
    for (body, message) in cases {
        let dir = tempfile::tempdir().expect("tmp");
        fs::write(
            dir.path().join("r.hcl"),
            rule("r", "\"aws_instance\"", body),
        )
        .expect("write");
        let out = Command::cargo_bin("onus")
            .expect("binary")
            .current_dir(dir.path())
            .args(["test", "r.hcl"])
            .output()
            .expect("run");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr).to_string()
            + &String::from_utf8_lossy(&out.stdout);
        assert!(err.contains(message), "{err}");
        assert!(err.contains("r.hcl:"), "located: {err}");
    }
}

#[test]
fn port_count_tests_read_ports_and_ranges() {
    let body = r#"
  assert {
    each "allow" {
      each "ports" {
        value {
          port_count_lte = 30
        }
      }
    }
  }"#;
    let tf = r#"
resource "google_compute_firewall" "wide" {
  allow {
    protocol = "tcp"
    ports    = ["22", "8000-8030"]
  }
}
resource "google_compute_firewall" "narrow" {
  allow {
    protocol = "tcp"
    ports    = ["22", 443, "8000-8029"]
  }
}
"#;
    let report = scan(
        &[("p", rule("p", "\"google_compute_firewall\"", body))],
        &[("main.tf", tf)],
    );
    assert_eq!(
        findings(&report),
        [("p".into(), "google_compute_firewall.wide".into(), 5)]
    );
}

#[test]
fn linked_follows_a_via_path_inside_nested_blocks() {
    let body = r#"
  assert {
    any {
      attribute "logging.log_bucket" {
        present = true
      }
      linked "google_storage_bucket" {
        via   = "logging.log_bucket"
        match = "name"
      }
    }
  }"#;
    let tf = r#"
resource "google_storage_bucket" "by_name" {
  name = "logs-by-name"
}
resource "google_storage_bucket" "by_ref" {
  name = "logs-by-ref"
}
resource "google_storage_bucket" "alone" {
  name = "alone"
}
resource "google_storage_bucket" "app" {
  name = "app"
  logging {
    log_bucket = "logs-by-name"
  }
}
resource "google_storage_bucket" "web" {
  name = "web"
  logging {
    log_bucket = google_storage_bucket.by_ref.name
  }
}
"#;
    let report = scan(
        &[("l", rule("l", "\"google_storage_bucket\"", body))],
        &[("main.tf", tf)],
    );
    assert_eq!(
        findings(&report),
        [("l".into(), "google_storage_bucket.alone".into(), 8)]
    );
    assert!(undecided(&report).is_empty(), "{:?}", undecided(&report));

    // A log bucket name known only after apply may name any bucket: undecided, not a finding.
    let unknown = r#"
variable "logs" {}
resource "google_storage_bucket" "alone" {
  name = "alone"
}
resource "google_storage_bucket" "app" {
  name = "app"
  logging {
    log_bucket = var.logs
  }
}
"#;
    let report = scan(
        &[("l", rule("l", "\"google_storage_bucket\"", body))],
        &[("main.tf", unknown)],
    );
    assert!(findings(&report).is_empty(), "{:?}", findings(&report));
    assert_eq!(
        undecided(&report)
            .into_iter()
            .map(|(a, _)| a)
            .collect::<Vec<_>>(),
        ["google_storage_bucket.alone"]
    );
}

#[test]
fn a_pattern_is_decided_on_the_known_parts_of_a_partly_unknown_string() {
    let body = r#"
  assert {
    attribute "member" {
      not_matches = "^serviceAccount:"
    }
  }"#;
    let tf = r#"
resource "google_service_account" "sa" {
  account_id = "sa"
}
resource "google_project_iam_member" "account" {
  role   = "roles/owner"
  member = "serviceAccount:${google_service_account.sa.email}"
}
resource "google_project_iam_member" "group" {
  role   = "roles/owner"
  member = "group:${google_service_account.sa.account_id}@example.com"
}
resource "google_project_iam_member" "open" {
  role   = "roles/owner"
  member = "${google_service_account.sa.member}"
}
"#;
    let report = scan(
        &[("p", rule("p", "\"google_project_iam_member\"", body))],
        &[("main.tf", tf)],
    );
    // The known prefix decides both ways; a string with no known text stays undecided.
    assert_eq!(
        findings(&report),
        [("p".into(), "google_project_iam_member.account".into(), 7)]
    );
    let undecided: Vec<String> = undecided(&report).into_iter().map(|(a, _)| a).collect();
    assert_eq!(undecided, ["google_project_iam_member.open"]);
    let label = report["findings"][0]["detail"].as_str().unwrap_or("");
    assert!(label.contains("serviceAccount:${…}"), "{label}");
}

#[test]
fn refers_to_decides_a_value_read_from_a_data_source() {
    let body = r#"
  assert {
    not {
      attribute "member" {
        refers_to = [
          "data.google_compute_default_service_account.email",
          "data.google_compute_default_service_account.member",
        ]
      }
    }
    none "members" {
      value {
        refers_to = "data.google_compute_default_service_account"
      }
    }
  }"#;
    let main = r#"
data "google_compute_default_service_account" "default" {}
resource "google_service_account" "sa" {
  account_id = "sa"
}
variable "member" {
  type = string
}
module "accounts" {
  source = "./accounts"
}
resource "google_project_iam_member" "template" {
  role   = "roles/viewer"
  member = "serviceAccount:${data.google_compute_default_service_account.default.email}"
}
resource "google_project_iam_member" "plain" {
  role   = "roles/viewer"
  member = data.google_compute_default_service_account.default.member
}
resource "google_project_iam_member" "through_module" {
  role   = "roles/viewer"
  member = module.accounts.default_member
}
resource "google_project_iam_binding" "list" {
  role = "roles/viewer"
  members = [
    "group:ops@example.com",
    data.google_compute_default_service_account.default.member,
  ]
}
resource "google_project_iam_member" "own" {
  role   = "roles/viewer"
  member = "serviceAccount:${google_service_account.sa.email}"
}
resource "google_project_iam_member" "literal" {
  role   = "roles/viewer"
  member = "user:alice@example.com"
}
resource "google_project_iam_member" "project_only" {
  role   = "roles/viewer"
  member = "user:${data.google_compute_default_service_account.default.project}@example.com"
}
resource "google_project_iam_member" "variable" {
  role   = "roles/viewer"
  member = var.member
}
resource "google_project_iam_member" "computed" {
  role   = "roles/viewer"
  member = "serviceAccount:${lower(data.google_compute_default_service_account.default.email)}"
}
"#;
    let module = r#"
data "google_compute_default_service_account" "d" {
  project = "example-project"
}
output "default_member" {
  value = data.google_compute_default_service_account.d.member
}
"#;
    let report = scan(
        &[(
            "d",
            rule(
                "d",
                "\"google_project_iam_member\", \"google_project_iam_binding\"",
                body,
            ),
        )],
        &[("main.tf", main), ("accounts/main.tf", module)],
    );
    // A template interpolating the data source, a plain reference to it (also through a module
    // output) and a list element read from it are findings, at the offending line.
    assert_eq!(
        findings(&report),
        [
            ("d".into(), "google_project_iam_binding.list".into(), 28),
            ("d".into(), "google_project_iam_member.plain".into(), 18),
            ("d".into(), "google_project_iam_member.template".into(), 14),
            (
                "d".into(),
                "google_project_iam_member.through_module".into(),
                22
            ),
        ]
    );
    // A value the configuration does not tell (a variable without a value, a function of the
    // data source's attribute) stays undecided; a managed account, a literal, and an argument
    // of the data source read back are decided compliant.
    let undecided: Vec<String> = undecided(&report).into_iter().map(|(a, _)| a).collect();
    assert_eq!(
        undecided,
        [
            "google_project_iam_member.computed",
            "google_project_iam_member.variable"
        ]
    );
    let details: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["detail"].as_str())
        .collect();
    assert!(
        details
            .iter()
            .any(|d| d.contains("read from data.google_compute_default_service_account.default")),
        "{details:?}"
    );
}
