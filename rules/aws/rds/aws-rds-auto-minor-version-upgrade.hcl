rule "aws-rds-auto-minor-version-upgrade" {
  title     = "RDS database instance does not take minor engine upgrades automatically"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_db_instance", "aws_rds_cluster_instance"]
  aliases   = ["CKV_AWS_226"]
  compliance = {
    "cis-aws-3.0" = ["2.3.2"]
  }

  description = <<-EOT
    Minor engine versions carry the database vendor's security fixes. With
    `auto_minor_version_upgrade = false` the instance stays on the version it was created with
    until someone upgrades it by hand, which in practice means it keeps known, published
    vulnerabilities for months. The argument defaults to `true` on `aws_db_instance` and
    `aws_rds_cluster_instance`, so only an explicit `false` is reported. AWS patches the host,
    but which engine version runs is the customer's choice under the shared responsibility
    model. Low: it widens the window for known flaws rather than exposing anything by itself.
    Instances whose upgrades are scheduled by another process may have this finding suppressed
    with the reason.
  EOT
  remediation = <<-EOT
    Let RDS apply minor versions in the maintenance window:

        resource "aws_db_instance" "app" {
          # ...
          auto_minor_version_upgrade = true
          maintenance_window         = "sun:03:00-sun:04:00"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#auto_minor_version_upgrade",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades",
  ]

  assert {
    attribute "auto_minor_version_upgrade" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_instance" "app" {
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t3.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
        auto_minor_version_upgrade  = false  # expect: aws-rds-auto-minor-version-upgrade
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "auto_upgrade" {
        type    = bool
        default = false
      }
      resource "aws_rds_cluster_instance" "app" {
        identifier                 = "app-1"
        cluster_identifier         = "app"
        instance_class             = "db.r6g.large"
        engine                     = "aurora-postgresql"
        auto_minor_version_upgrade = var.auto_upgrade  # expect: aws-rds-auto-minor-version-upgrade
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_db_instance" "app" {
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t3.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
      }
      resource "aws_rds_cluster_instance" "app" {
        identifier                 = "app-1"
        cluster_identifier         = "app"
        instance_class             = "db.r6g.large"
        engine                     = "aurora-postgresql"
        auto_minor_version_upgrade = true
      }
    EOT
  }
}
