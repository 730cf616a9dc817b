rule "aws-rds-log-export" {
  title     = "RDS instance or Aurora cluster exports no database logs to CloudWatch Logs"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_db_instance", "aws_rds_cluster"]
  aliases   = ["CKV_AWS_129", "CKV_AWS_324"]

  description = <<-EOT
    Database logs (the MySQL/MariaDB `audit`, `error`, `general` and `slowquery` logs, the
    PostgreSQL `postgresql` log, the Oracle `audit` and `alert` logs, SQL Server `error` and
    `agent` logs) stay on the instance, rotated away within days, unless
    `enabled_cloudwatch_logs_exports` names them. Without export, failed logins, privilege
    changes and suspicious queries cannot be retained, searched or alerted on, and they are gone
    when the instance is. The list is empty by default. Monitoring the database is the
    customer's side of the shared responsibility model. Read replicas are checked like any
    instance. Severity is medium: missing detection, not exposure.
  EOT
  remediation = <<-EOT
    Export the engine's logs, including its audit log where the engine has one:

    ```hcl
    resource "aws_db_instance" "app" {
      # ...
      engine                          = "postgres"
      enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#enabled_cloudwatch_logs_exports",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#enabled_cloudwatch_logs_exports",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html",
  ]

  assert {
    attribute "enabled_cloudwatch_logs_exports" {
      length_gte = 1
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_instance" "app" {  # expect: aws-rds-log-export
        identifier                  = "app"
        engine                      = "postgres"
        instance_class              = "db.t3.micro"
        allocated_storage           = 20
        username                    = "app"
        manage_master_user_password = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_rds_cluster" "app" {
        cluster_identifier              = "app"
        engine                          = "aurora-mysql"
        master_username                 = "app"
        manage_master_user_password     = true
        enabled_cloudwatch_logs_exports = []  # expect: aws-rds-log-export
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_rds_cluster" "app" {
        cluster_identifier              = "app"
        engine                          = "aurora-mysql"
        master_username                 = "app"
        manage_master_user_password     = true
        enabled_cloudwatch_logs_exports = ["audit", "error", "slowquery"]
      }
    EOT
  }
}
