rule "aws-rds-backups-disabled" {
  title     = "RDS instance or Aurora cluster has automated backups turned off"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_db_instance", "aws_rds_cluster"]
  aliases   = ["CKV_AWS_133"]

  description = <<-EOT
    `backup_retention_period = 0` switches automated backups off: RDS takes no daily snapshot and
    keeps no transaction logs, so point-in-time restore is impossible and a dropped table, a
    ransomware encryption or a faulty migration can only be undone from whatever manual snapshot
    happens to exist. Turning backups off also removes the existing automated backups. AWS runs
    the backup machinery, but the retention is the customer's setting under the shared
    responsibility model. The value is often chosen by a conditional
    (`var.env == "prod" ? 7 : 0`); this rule evaluates it with the values the configuration
    gives. An absent argument keeps the AWS default (1 day, or 7 from the console), so it is not
    reported here; a short retention is `aws-rds-backup-retention-short`. Aurora clusters cannot
    set 0 (the minimum is 1), but the value is still checked. Severity is medium: no data is
    exposed, but recovery from loss or corruption is gone.
  EOT
  remediation = <<-EOT
    Keep automated backups on with a retention that matches your recovery objectives:

    ```hcl
    resource "aws_db_instance" "app" {
      # ...
      backup_retention_period = 7
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#backup_retention_period",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#backup_retention_period",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
  ]

  assert {
    attribute "backup_retention_period" {
      gt      = 0
      default = 1
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
        backup_retention_period     = 0  # expect: aws-rds-backups-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "environment" {
        type    = string
        default = "staging"
      }

      resource "aws_db_instance" "app" {
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t3.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
        backup_retention_period     = var.environment == "production" ? 14 : 0  # expect: aws-rds-backups-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "backup_days" {
        type    = number
        default = 0
      }

      resource "aws_rds_cluster" "app" {
        cluster_identifier          = "app"
        engine                      = "aurora-postgresql"
        master_username             = "app"
        manage_master_user_password = true
        backup_retention_period     = var.backup_days  # expect: aws-rds-backups-disabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "environment" {
        type    = string
        default = "production"
      }

      resource "aws_db_instance" "app" {
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t3.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
        backup_retention_period     = var.environment == "production" ? 14 : 0
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_rds_cluster" "app" {
        cluster_identifier          = "app"
        engine                      = "aurora-postgresql"
        master_username             = "app"
        manage_master_user_password = true
        backup_retention_period     = 7
      }
    EOT
  }
}
