rule "aws-sqs-queue-encryption" {
  title     = "SQS queue has server-side encryption turned off"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_sqs_queue"]
  aliases   = ["CKV_AWS_27", "AVD-AWS-0096", "aws-sqs-enable-queue-encryption"]

  description = <<-EOT
    Messages wait in a queue until they are consumed and often carry customer data, tokens or
    internal identifiers. Whether queue contents are encrypted is the customer's setting under the
    shared responsibility model. This rule asks the configuration to choose encryption explicitly:
    `sqs_managed_sse_enabled = true` (SSE-SQS) or a `kms_master_key_id` (SSE-KMS). Leaving both
    unset is not enough: SQS only began encrypting new queues by default in October 2022, queues
    created earlier stay unencrypted, and AWS provider releases before 4.36 / 3.76 declared
    `sqs_managed_sse_enabled` with a default of `false`, so an unset argument could write
    encryption off. For data that needs access control and an audit trail on the key itself, use
    a customer-managed key (`aws-sqs-queue-encryption-customer-key`).
  EOT
  remediation = "Set `sqs_managed_sse_enabled = true` (SSE-SQS), or set `kms_master_key_id` to a customer-managed KMS key (SSE-KMS)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
  ]

  assert {
    any {
      attribute "kms_master_key_id" {
        present = true
      }
      attribute "sqs_managed_sse_enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {
        name                    = "jobs"
        sqs_managed_sse_enabled = false  # expect: aws-sqs-queue-encryption
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {  # expect: aws-sqs-queue-encryption
        name = "jobs"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "sse" {
        type = bool
      }

      resource "aws_sqs_queue" "jobs" {
        name                    = "jobs"
        sqs_managed_sse_enabled = var.sse
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {
        name                    = "jobs"
        sqs_managed_sse_enabled = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "queue" {
        description         = "SQS jobs"
        enable_key_rotation = true
      }

      resource "aws_sqs_queue" "jobs" {
        name              = "jobs"
        kms_master_key_id = aws_kms_key.queue.arn
      }
    EOT
  }
}
