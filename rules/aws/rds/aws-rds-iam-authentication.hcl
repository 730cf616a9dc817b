rule "aws-rds-iam-authentication" {
  title     = "RDS instance or Aurora cluster does not enable IAM database authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_db_instance", "aws_rds_cluster"]
  aliases   = ["CKV_AWS_161", "CKV_AWS_162"]

  description = <<-EOT
    With IAM database authentication a client connects with a short-lived token (15 minutes)
    generated from its IAM identity instead of a long-lived database password, so access is
    granted and revoked in IAM, recorded in CloudTrail, and no password sits in application
    configuration. It is available for MySQL, MariaDB, PostgreSQL and the Aurora engines, and
    only those are checked; `iam_database_authentication_enabled` defaults to `false`. Who can
    reach the database and how they authenticate is the customer's side of the shared
    responsibility model. Severity is medium: password authentication still works, but central
    control of database credentials is missing (defence in depth).
  EOT
  remediation = <<-EOT
    Turn on IAM authentication and create database users that authenticate with it
    (`AWSAuthenticationPlugin` on MySQL, the `rds_iam` role on PostgreSQL):

    ```hcl
    resource "aws_db_instance" "app" {
      # ...
      iam_database_authentication_enabled = true
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance#iam_database_authentication_enabled",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster#iam_database_authentication_enabled",
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html",
  ]

  when {
    attribute "engine" {
      matches = "^(aurora|mysql|mariadb|postgres)"
    }
  }

  assert {
    attribute "iam_database_authentication_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_db_instance" "app" {  # expect: aws-rds-iam-authentication
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
        cluster_identifier                  = "app"
        engine                              = "aurora-mysql"
        master_username                     = "app"
        manage_master_user_password         = true
        iam_database_authentication_enabled = false  # expect: aws-rds-iam-authentication
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_rds_cluster" "app" {
        cluster_identifier                  = "app"
        engine                              = "aurora-mysql"
        master_username                     = "app"
        manage_master_user_password         = true
        iam_database_authentication_enabled = true
      }
    EOT
  }

  # SQL Server does not support IAM database authentication.
  example "good" {
    code = <<-EOT
      resource "aws_db_instance" "reports" {
        identifier                  = "reports"
        engine                      = "sqlserver-se"
        license_model               = "license-included"
        instance_class              = "db.m5.large"
        allocated_storage           = 100
        username                    = "admin"
        manage_master_user_password = true
      }
    EOT
  }
}
