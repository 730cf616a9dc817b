rule "aws-athena-workgroup-enforce-configuration" {
  title     = "Athena workgroup lets clients override its result encryption settings"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_athena_workgroup"]
  aliases   = ["CKV_AWS_82", "AVD-AWS-0007", "aws-athena-no-encryption-override"]

  description = <<-EOT
    With `configuration.enforce_workgroup_configuration = false`, each query may bring its own
    client-side result settings: another output location and no encryption at all. The
    workgroup's encryption configuration then only applies to clients that do not ask for
    something else. The argument defaults to `true`, so only an explicit `false` is reported.
    Trivy's AVD-AWS-0007 also reports a workgroup without a `configuration` block; onus
    deliberately does not here: such a workgroup has no result settings of its own to enforce,
    and its missing result encryption is reported by `aws-athena-results-encryption`. Enforcing
    the settings is the customer's configuration under the shared responsibility model. Severity
    is medium: it removes a guarantee (defence in depth) rather than exposing data itself.
  EOT
  remediation = <<-EOT
    Enforce the workgroup's settings:

    ```hcl
    resource "aws_athena_workgroup" "analytics" {
      name = "analytics"

      configuration {
        enforce_workgroup_configuration = true
        # result_configuration { ... }
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/athena_workgroup#enforce_workgroup_configuration",
    "https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html",
  ]

  assert {
    attribute "configuration.enforce_workgroup_configuration" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_athena_workgroup" "analytics" {
        name = "analytics"

        configuration {
          enforce_workgroup_configuration = false  # expect: aws-athena-workgroup-enforce-configuration

          result_configuration {
            output_location = "s3://example-athena-results/"

            encryption_configuration {
              encryption_option = "SSE_S3"
            }
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_athena_workgroup" "analytics" {
        name = "analytics"

        configuration {
          result_configuration {
            output_location = "s3://example-athena-results/"

            encryption_configuration {
              encryption_option = "SSE_S3"
            }
          }
        }
      }
    EOT
  }
}
