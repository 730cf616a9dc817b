rule "aws-sqs-queue-encryption-customer-key" {
  title     = "SQS queue is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_sqs_queue"]
  aliases   = ["AVD-AWS-0135", "aws-sqs-queue-encryption-use-cmk"]

  description = <<-EOT
    SQS encrypts queues with SQS-owned keys (SSE-SQS) by default, or with the AWS-managed key
    `alias/aws/sqs`. Neither key's policy can be set by the customer: anyone allowed to receive
    from the queue can read its messages, access cannot be revoked at the key, and key use is not
    logged per queue. A customer-managed KMS key (`kms_master_key_id` naming the customer's key)
    adds that control and is required to let another account or a service such as EventBridge or
    S3 notifications send to an encrypted queue with its own grants. The choice of key is the
    customer's side of the shared responsibility model. Severity is low: the data is encrypted;
    only control over the key is missing.
  EOT
  remediation = <<-EOT
    Encrypt the queue with a customer-managed KMS key:

    ```hcl
    resource "aws_kms_key" "jobs" {
      description         = "SQS jobs"
      enable_key_rotation = true
    }

    resource "aws_sqs_queue" "jobs" {
      name                              = "jobs"
      kms_master_key_id                 = aws_kms_key.jobs.arn
      kms_data_key_reuse_period_seconds = 300
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue#kms_master_key_id",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
  ]

  assert {
    attribute "kms_master_key_id" {
      present     = true
      not_matches = "^(arn:aws[a-z-]*:kms:[^:]*:[0-9]*:)?alias/aws/sqs$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {
        name              = "jobs"
        kms_master_key_id = "alias/aws/sqs"  # expect: aws-sqs-queue-encryption-customer-key
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {  # expect: aws-sqs-queue-encryption-customer-key
        name                    = "jobs"
        sqs_managed_sse_enabled = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "jobs" {
        description         = "SQS jobs"
        enable_key_rotation = true
      }

      resource "aws_sqs_queue" "jobs" {
        name              = "jobs"
        kms_master_key_id = aws_kms_key.jobs.arn
      }
    EOT
  }
}
