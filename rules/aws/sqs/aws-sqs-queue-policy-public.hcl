rule "aws-sqs-queue-policy-public" {
  title     = "SQS queue policy allows any principal"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_sqs_queue_policy", "aws_sqs_queue"]
  aliases   = ["CKV_AWS_168"]

  description = <<-EOT
    A queue policy statement that allows `Principal: "*"` without a narrowing condition lets
    any AWS account, or anonymous callers, send, read or delete messages, depending on the
    actions: an attacker can inject forged jobs, read the data flowing through the queue or drain
    it. Who may use a queue is the customer's configuration under the shared responsibility
    model. This rule checks `aws_sqs_queue_policy` and the inline `policy` of `aws_sqs_queue`;
    statements restricted by a condition such as `aws:SourceArn` (the usual pattern for SNS or
    S3 notifications) are not reported.
  EOT
  remediation = "Replace the wildcard principal with the accounts, roles or service principals that use the queue, or add an `aws:SourceArn`/`aws:SourceAccount` condition."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sqs_queue_policy",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {
        name = "jobs"
      }

      resource "aws_sqs_queue_policy" "jobs" {
        queue_url = aws_sqs_queue.jobs.id
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "*" }  # expect: aws-sqs-queue-policy-public
            Action    = "sqs:SendMessage"
            Resource  = aws_sqs_queue.jobs.arn
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sqs_queue" "jobs" {
        name = "jobs"
      }

      resource "aws_sqs_queue_policy" "jobs" {
        queue_url = aws_sqs_queue.jobs.id
        policy = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { Service = "sns.amazonaws.com" }
            Action    = "sqs:SendMessage"
            Resource  = aws_sqs_queue.jobs.arn
            Condition = {
              ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:123456789012:orders" }
            }
          }]
        })
      }
    EOT
  }
}
