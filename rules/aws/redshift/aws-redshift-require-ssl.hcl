rule "aws-redshift-require-ssl" {
  title     = "Redshift parameter group does not require SSL connections"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_redshift_parameter_group"]
  aliases   = ["CKV_AWS_105"]

  description = <<-EOT
    Redshift accepts unencrypted client connections unless the cluster's parameter group sets
    `require_ssl` to `true`; it is `false` in the default parameter group and in a custom group
    that does not set it. Query results, often bulk extracts of customer data, and database
    credentials then cross the network in clear text. Encryption in transit is the customer's
    setting under the shared responsibility model. Clusters that use the default parameter group
    cannot be checked here (the setting is not in the configuration); give them a custom group.
    Severity is high: sensitive data and credentials can travel unencrypted.
  EOT
  remediation = <<-EOT
    Require SSL in the cluster's parameter group:

    ```hcl
    resource "aws_redshift_parameter_group" "warehouse" {
      name   = "warehouse"
      family = "redshift-1.0"

      parameter {
        name  = "require_ssl"
        value = "true"
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_parameter_group",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html",
  ]

  assert {
    some "parameter" {
      attribute "name" {
        equals = "require_ssl"
      }
      attribute "value" {
        equals = "true"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_parameter_group" "warehouse" {
        name   = "warehouse"
        family = "redshift-1.0"

        parameter {
          name  = "enable_user_activity_logging"  # expect: aws-redshift-require-ssl
          value = "true"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_parameter_group" "warehouse" {
        name   = "warehouse"
        family = "redshift-1.0"

        parameter {
          name  = "require_ssl"
          value = "false"  # expect: aws-redshift-require-ssl
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_redshift_parameter_group" "warehouse" {
        name   = "warehouse"
        family = "redshift-1.0"

        parameter {
          name  = "require_ssl"
          value = "true"
        }

        parameter {
          name  = "enable_user_activity_logging"
          value = "true"
        }
      }
    EOT
  }
}
