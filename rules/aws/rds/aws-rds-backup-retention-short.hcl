rule "aws-rds-backup-retention-short" {
  title     = "RDS instance or Aurora cluster keeps automated backups for only one day"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_db_instance", "aws_rds_cluster"]
  aliases   = ["AVD-AWS-0077", "aws-rds-specify-backup-retention"]

  description = <<-EOT
    Automated backups can restore a database to any second within the retention period. With a
    retention of one day, which is what RDS and Aurora use when `backup_retention_period` is
    left out (the AWS API default for instances, the provider default for clusters), corruption
    or a destructive change noticed after a weekend can no longer be undone from the automated
    backups. The retention is the customer's choice under the shared responsibility model; set
    it explicitly to what the recovery objectives need. Read replicas of an instance
    (`replicate_source_db`) take no backups of their own and are not checked. Backups switched
    off altogether (`0`) are reported by `aws-rds-backups-disabled` instead. Severity is low:
    backups exist, only the window to recover is short.
  EOT
  remediation = <<-EOT
    Set the retention explicitly, to more than one day:

    ```hcl
    resource "aws_rds_cluster" "app" {
      # ...
      backup_retention_period = 7
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#backup_retention_period",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#backup_retention_period",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html#USER_WorkingWithAutomatedBackups.BackupRetention",
  ]

  when {
    attribute "replicate_source_db" {
      present = false
    }
    attribute "backup_retention_period" {
      not_equals = 0
      default    = 1
    }
  }

  assert {
    attribute "backup_retention_period" {
      gt      = 1
      default = 1
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_instance" "app" {  # expect: aws-rds-backup-retention-short
        identifier                  = "app"
        engine                      = "mysql"
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
        cluster_identifier          = "app"
        engine                      = "aurora-mysql"
        master_username             = "app"
        manage_master_user_password = true
        backup_retention_period     = 1  # expect: aws-rds-backup-retention-short
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_rds_cluster" "app" {
        cluster_identifier          = "app"
        engine                      = "aurora-mysql"
        master_username             = "app"
        manage_master_user_password = true
        backup_retention_period     = 7
      }
    EOT
  }

  # A read replica has no automated backups of its own.
  example "good" {
    code = <<-EOT
      resource "aws_db_instance" "replica" {
        identifier          = "app-replica"
        instance_class      = "db.t3.micro"
        replicate_source_db = "app"
      }
    EOT
  }

  # Backups off altogether are another rule's finding.
  example "good" {
    code = <<-EOT
      resource "aws_db_instance" "scratch" {
        identifier              = "scratch"
        engine                  = "mysql"
        instance_class          = "db.t3.micro"
        allocated_storage       = 20
        username                = "app"
        password                = var.password
        backup_retention_period = 0
      }

      variable "password" {
        type      = string
        sensitive = true
      }
    EOT
  }
}
