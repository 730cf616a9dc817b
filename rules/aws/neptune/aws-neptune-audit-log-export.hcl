rule "aws-neptune-audit-log-export" {
  title     = "Neptune cluster does not export audit logs"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_neptune_cluster"]
  aliases   = ["CKV_AWS_101", "AVD-AWS-0075", "aws-neptune-enable-log-export"]

  description = <<-EOT
    Neptune audit logs record every query and connection made to the cluster, with the client
    address and IAM identity. They reach CloudWatch Logs only when `"audit"` is listed in
    `enable_cloudwatch_logs_exports` (empty by default); exporting only `slowquery` does not
    help. Without them there is no record of who read or changed which part of the graph.
    Monitoring is the customer's side of the shared responsibility model. Audit logging also
    needs the `neptune_enable_audit_log` cluster parameter set to 1. Severity is medium: missing
    detection, not exposure.
  EOT
  remediation = <<-EOT
    Export the audit log:

    ```hcl
    resource "aws_neptune_cluster" "graph" {
      # ...
      enable_cloudwatch_logs_exports = ["audit"]
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/neptune_cluster#enable_cloudwatch_logs_exports",
    "https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html",
  ]

  assert {
    attribute "enable_cloudwatch_logs_exports" {
      contains = "audit"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {  # expect: aws-neptune-audit-log-export
        cluster_identifier = "graph"
        engine             = "neptune"
        storage_encrypted  = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {
        cluster_identifier             = "graph"
        engine                         = "neptune"
        storage_encrypted              = true
        enable_cloudwatch_logs_exports = ["slowquery"]  # expect: aws-neptune-audit-log-export
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_neptune_cluster" "graph" {
        cluster_identifier             = "graph"
        engine                         = "neptune"
        storage_encrypted              = true
        enable_cloudwatch_logs_exports = ["audit", "slowquery"]
      }
    EOT
  }
}
