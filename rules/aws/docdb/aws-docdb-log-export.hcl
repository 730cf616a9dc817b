rule "aws-docdb-log-export" {
  title     = "DocumentDB cluster exports neither audit nor profiler logs"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_docdb_cluster"]
  aliases   = ["CKV_AWS_85", "AVD-AWS-0020", "aws-documentdb-enable-log-export"]

  description = <<-EOT
    DocumentDB writes audit events (authentication, authorisation failures, DDL and user
    management) and profiler entries (slow operations) only to CloudWatch Logs, and only for the
    types listed in `enabled_cloudwatch_logs_exports`, which is empty by default. Without them a
    brute-force attempt, a dropped collection or a new privileged user leaves no record.
    Monitoring the database is the customer's side of the shared responsibility model. Note that
    audit events also need the cluster parameter `audit_logs` enabled in its parameter group.
    Severity is medium: missing detection, not exposure.
  EOT
  remediation = <<-EOT
    Export the audit log (and the profiler log where useful):

    ```hcl
    resource "aws_docdb_cluster" "docs" {
      # ...
      enabled_cloudwatch_logs_exports = ["audit", "profiler"]
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster#enabled_cloudwatch_logs_exports",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html",
  ]

  assert {
    any {
      attribute "enabled_cloudwatch_logs_exports" {
        contains = "audit"
      }
      attribute "enabled_cloudwatch_logs_exports" {
        contains = "profiler"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_docdb_cluster" "docs" {  # expect: aws-docdb-log-export
        cluster_identifier          = "docs"
        master_username             = "docs"
        manage_master_user_password = true
        storage_encrypted           = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_docdb_cluster" "docs" {
        cluster_identifier              = "docs"
        master_username                 = "docs"
        manage_master_user_password     = true
        storage_encrypted               = true
        enabled_cloudwatch_logs_exports = []  # expect: aws-docdb-log-export
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_docdb_cluster" "docs" {
        cluster_identifier              = "docs"
        master_username                 = "docs"
        manage_master_user_password     = true
        storage_encrypted               = true
        enabled_cloudwatch_logs_exports = ["audit"]
      }
    EOT
  }
}
