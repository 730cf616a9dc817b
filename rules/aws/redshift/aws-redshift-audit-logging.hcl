rule "aws-redshift-audit-logging" {
  title     = "Redshift cluster does not enable audit logging"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_redshift_cluster"]
  aliases   = ["CKV_AWS_71"]

  description = <<-EOT
    Redshift audit logging records connection attempts (with source address and user), changes
    to database users and, with the `enable_user_activity_logging` parameter, every query. It is
    off by default. Without it there is no record of who connected to the warehouse or which
    data they queried. The setting is the legacy `logging { enable = true }` block of
    `aws_redshift_cluster` (deprecated in provider 5.x) or an `aws_redshift_logging` resource for
    the cluster (provider 5.x and later). Recording access to the data is the customer's side of
    the shared responsibility model. Severity is medium: missing detection, not exposure.
  EOT
  remediation = <<-EOT
    Send the audit logs to CloudWatch Logs (or S3):

    ```hcl
    resource "aws_redshift_logging" "warehouse" {
      cluster_identifier   = aws_redshift_cluster.warehouse.id
      log_destination_type = "cloudwatch"
      log_exports          = ["connectionlog", "userlog", "useractivitylog"]
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_logging",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#logging",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html",
  ]

  assert {
    any {
      attribute "logging.enable" {
        equals = true
      }
      linked "aws_redshift_logging" {
        via   = "cluster_identifier"
        match = "cluster_identifier"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_cluster" "warehouse" {  # expect: aws-redshift-audit-logging
        cluster_identifier     = "warehouse"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        encrypted              = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_cluster" "warehouse" {
        cluster_identifier     = "warehouse"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        encrypted              = true

        logging {
          enable = false  # expect: aws-redshift-audit-logging
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_redshift_cluster" "warehouse" {
        cluster_identifier     = "warehouse"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        encrypted              = true
      }

      resource "aws_redshift_logging" "warehouse" {
        cluster_identifier   = aws_redshift_cluster.warehouse.id
        log_destination_type = "cloudwatch"
        log_exports          = ["connectionlog", "userlog", "useractivitylog"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_redshift_cluster" "warehouse" {
        cluster_identifier     = "warehouse"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        encrypted              = true

        logging {
          enable        = true
          bucket_name   = "example-redshift-audit"
          s3_key_prefix = "warehouse/"
        }
      }
    EOT
  }
}
