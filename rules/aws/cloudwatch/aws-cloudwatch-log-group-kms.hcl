rule "aws-cloudwatch-log-group-kms" {
  title     = "CloudWatch log group is not encrypted with a customer managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_cloudwatch_log_group"]
  aliases   = ["CKV_AWS_158", "AVD-AWS-0017", "aws-cloudwatch-log-group-customer-key"]

  description = <<-EOT
    CloudWatch Logs always encrypts log data at rest, by default with keys AWS owns and manages.
    With `kms_key_id` the log group is encrypted with a customer managed key instead: reading the
    logs then also needs `kms:Decrypt` on that key, key use is recorded in CloudTrail, and
    disabling the key cuts off access. Logs often carry tokens, personal data and request bodies,
    so who may decrypt them is worth controlling. Low: the data is encrypted either way; the
    customer managed key adds access control and audit, which is the customer's choice under the
    shared responsibility model.
  EOT
  remediation = <<-EOT
    Create a KMS key whose policy lets the CloudWatch Logs service principal of the region use it,
    and set `kms_key_id`:

        resource "aws_cloudwatch_log_group" "app" {
          name              = "/app/api"
          retention_in_days = 365
          kms_key_id        = aws_kms_key.logs.arn
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_log_group",
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
  ]

  assert {
    attribute "kms_key_id" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudwatch_log_group" "app" {  # expect: aws-cloudwatch-log-group-kms
        name              = "/app/api"
        retention_in_days = 365
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_cloudwatch_log_group" "app" {  # expect: aws-cloudwatch-log-group-kms aws_cloudwatch_log_group.app["api"]
        for_each          = toset(["api", "worker"])
        name              = "/app/$${each.key}"
        kms_key_id        = each.key == "worker" ? aws_kms_key.logs.arn : null
      }

      resource "aws_kms_key" "logs" {
        enable_key_rotation = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "logs" {
        description         = "CloudWatch Logs"
        enable_key_rotation = true
      }

      resource "aws_cloudwatch_log_group" "app" {
        name              = "/app/api"
        retention_in_days = 365
        kms_key_id        = aws_kms_key.logs.arn
      }
    EOT
  }
}
