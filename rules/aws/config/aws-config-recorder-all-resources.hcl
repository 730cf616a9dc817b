rule "aws-config-recorder-all-resources" {
  title     = "AWS Config recorder records only some resource types"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_config_configuration_recorder"]
  aliases   = ["CKV2_AWS_45"]
  compliance = {
    "cis-aws-1.4" = ["3.5"]
    "cis-aws-3.0" = ["3.3"]
  }

  description = <<-EOT
    The configuration recorder is what AWS Config rules, conformance packs and Security Hub
    controls evaluate. With `recording_group { all_supported = false }` it records only the listed
    `resource_types`: resources of every other type (and types AWS adds support for later) have no
    configuration history and are never evaluated, so a misconfigured one is never reported.
    `all_supported` defaults to `true` (also when there is no `recording_group`). Low: recording
    fewer types is a common cost choice, and the gap is in detection. What the customer records
    and reviews is the customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Record all supported resource types:

        resource "aws_config_configuration_recorder" "main" {
          name     = "main"
          role_arn = aws_iam_role.config.arn

          recording_group {
            all_supported                 = true
            include_global_resource_types = true
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_recorder",
    "https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html",
  ]

  assert {
    attribute "recording_group.all_supported" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_config_configuration_recorder" "main" {
        name     = "main"
        role_arn = "arn:aws:iam::111111111111:role/config"

        recording_group {
          all_supported  = false  # expect: aws-config-recorder-all-resources
          resource_types = ["AWS::EC2::Instance", "AWS::S3::Bucket"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_config_configuration_recorder" "main" {
        name     = "main"
        role_arn = "arn:aws:iam::111111111111:role/config"

        recording_group {
          all_supported                 = true
          include_global_resource_types = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_config_configuration_recorder" "main" {
        name     = "main"
        role_arn = "arn:aws:iam::111111111111:role/config"
      }
    EOT
  }
}
