rule "aws-docdb-tls-disabled" {
  title     = "DocumentDB cluster parameter group turns TLS off"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_docdb_cluster_parameter_group"]
  aliases   = ["CKV_AWS_90"]

  description = <<-EOT
    DocumentDB requires TLS for client connections by default (`tls = enabled` in the default
    cluster parameter group). A custom parameter group with the `tls` parameter set to
    `disabled` lets clients connect in clear text, so credentials and documents cross the network
    unencrypted and can be read or altered by anyone on the path. Encryption in transit is the
    customer's setting under the shared responsibility model. Severity is high: sensitive data
    and credentials in clear text on the network.
  EOT
  remediation = <<-EOT
    Keep TLS on (remove the parameter, or set it to `enabled`, or `tls1.2+` where supported):

    ```hcl
    resource "aws_docdb_cluster_parameter_group" "docs" {
      family = "docdb5.0"
      name   = "docs"

      parameter {
        name  = "tls"
        value = "enabled"
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/docdb_cluster_parameter_group",
    "https://docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html",
  ]

  assert {
    none "parameter" {
      attribute "name" {
        equals = "tls"
      }
      attribute "value" {
        equals = "disabled"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_docdb_cluster_parameter_group" "docs" {
        family = "docdb5.0"
        name   = "docs"

        parameter {
          name  = "audit_logs"
          value = "enabled"
        }

        parameter {
          name  = "tls"
          value = "disabled"  # expect: aws-docdb-tls-disabled
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_docdb_cluster_parameter_group" "docs" {
        family = "docdb5.0"
        name   = "docs"

        parameter {
          name  = "tls"
          value = "enabled"
        }

        parameter {
          name  = "audit_logs"
          value = "disabled"
        }
      }
    EOT
  }
}
