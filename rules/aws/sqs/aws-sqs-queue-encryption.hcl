rule "aws-sqs-queue-encryption" {
  title     = "SQS queue has server-side encryption turned off"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_sqs_queue"]
  aliases   = ["CKV_AWS_27", "AVD-AWS-0096", "aws-sqs-enable-queue-encryption"]

  description = <<-EOT
    Messages wait in a queue until they are consumed and often carry customer data, tokens or
    internal identifiers. Since October 2022 SQS encrypts new queues with SQS-managed keys
    (SSE-SQS) unless told otherwise, so this rule reports only queues where encryption has been
    switched off: `sqs_managed_sse_enabled = false` without a `kms_master_key_id`. Whether queue
    contents are encrypted is the customer's setting under the shared responsibility model. For
    data that needs access control and an audit trail on the key itself, use SSE-KMS with a
    customer-managed key (`aws-sqs-queue-encryption-customer-key`). Trivy's AVD-AWS-0096 reports
    a queue that sets neither argument; onus deliberately does not, since SQS encrypts such a
    queue with SSE-SQS.
  EOT
  remediation = "Remove `sqs_managed_sse_enabled = false`, or set `kms_master_key_id` to a customer-managed KMS key (SSE-KMS)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
  ]

  assert {
    any {
      attribute "kms_master_key_id" {
        present = true
      }
      not {
        attribute "sqs_managed_sse_enabled" {
          equals = false
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {  # expect: aws-sqs-queue-encryption
        name                    = "jobs"
        sqs_managed_sse_enabled = false
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
