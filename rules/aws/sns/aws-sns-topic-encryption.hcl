rule "aws-sns-topic-encryption" {
  title     = "SNS topic is not encrypted at rest"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_sns_topic"]
  aliases   = ["CKV_AWS_26", "AVD-AWS-0095", "aws-sns-enable-topic-encryption"]

  description = <<-EOT
    SNS stores published messages until they are delivered to every subscriber. Unlike SQS, SNS
    does not encrypt topics unless a KMS key is configured, so messages (alerts, order events,
    notifications that may contain personal data) are held unencrypted at rest. Turning on
    server-side encryption is the customer's setting under the shared responsibility model.
    Note that the AWS managed key `alias/aws/sns` cannot be used by other AWS services that
    publish to the topic (CloudWatch alarms, S3 and EventBridge events); use a customer-managed key
    whose policy allows those services.
  EOT
  remediation = "Set `kms_master_key_id` on the `aws_sns_topic` to a KMS key ARN or alias (a customer-managed key for topics that AWS services publish to)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sns_topic",
    "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
  ]

  assert {
    attribute "kms_master_key_id" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sns_topic" "alerts" {  # expect: aws-sns-topic-encryption
        name = "alerts"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "sns" {
        description         = "SNS alerts"
        enable_key_rotation = true
      }

      resource "aws_sns_topic" "alerts" {
        name              = "alerts"
        kms_master_key_id = aws_kms_key.sns.arn
      }
    EOT
  }
}
