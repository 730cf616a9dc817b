rule "aws-sns-topic-encryption-customer-key" {
  title     = "SNS topic is encrypted with the AWS-managed key instead of a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_sns_topic"]
  aliases   = ["AVD-AWS-0136", "aws-sns-topic-encryption-use-cmk"]

  description = <<-EOT
    A topic encrypted with `alias/aws/sns` is encrypted at rest, but with a key whose policy AWS
    writes: every principal in the account that may publish may use it, the policy cannot be
    narrowed, and it cannot be shared with another account or with services such as CloudWatch
    alarms or EventBridge that must publish to an encrypted topic. A customer-managed key lets the
    customer decide who may decrypt, revoke that by disabling the key, and audit each use. The
    choice of key is the customer's side of the shared responsibility model. Topics without any
    key are reported by `aws-sns-topic-encryption`. Severity is low: the data is encrypted; only
    control over the key is missing.
  EOT
  remediation = <<-EOT
    Encrypt the topic with a customer-managed KMS key:

    ```hcl
    resource "aws_kms_key" "alerts" {
      description         = "SNS alerts"
      enable_key_rotation = true
    }

    resource "aws_sns_topic" "alerts" {
      name              = "alerts"
      kms_master_key_id = aws_kms_key.alerts.arn
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic#kms_master_key_id",
    "https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html",
  ]

  when {
    attribute "kms_master_key_id" {
      present = true
    }
  }

  assert {
    attribute "kms_master_key_id" {
      not_matches = "^(arn:aws[a-z-]*:kms:[^:]*:[0-9]*:)?alias/aws/sns$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sns_topic" "alerts" {
        name              = "alerts"
        kms_master_key_id = "alias/aws/sns"  # expect: aws-sns-topic-encryption-customer-key
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sns_topic" "alerts" {
        name              = "alerts"
        kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/aws/sns"  # expect: aws-sns-topic-encryption-customer-key
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "alerts" {
        description         = "SNS alerts"
        enable_key_rotation = true
      }

      resource "aws_sns_topic" "alerts" {
        name              = "alerts"
        kms_master_key_id = aws_kms_key.alerts.arn
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sns_topic" "alerts" {
        name              = "alerts"
        kms_master_key_id = "alias/alerts"
      }
    EOT
  }
}
